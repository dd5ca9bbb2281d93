/**
 * Runs the unit-test examples of examples/testing/ (jest's roots only include test/): importing
 * them registers their describe blocks here.
 */
import '../../examples/testing/aws-stack.test-example';
import '../../examples/testing/azure-component.test-example';

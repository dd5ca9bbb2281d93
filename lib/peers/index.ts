/**
 * The peer-kind registry: ONE line per peer kind. Importing this module registers every built-in peer kind
 * (lib/check/kit/peer-kinds.ts); a new peer (lib/peers/<kind>/) adds its `kind.ts` here.
 */
import './azure/kind';
import './alibaba/kind';

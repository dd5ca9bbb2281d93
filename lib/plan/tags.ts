/**
 * The plan's `tags` go on every resource of both halves (AWS tags, Azure tags), so they must be tags
 * both clouds accept; otherwise the deployment fails on the first resource. Checked with the plan's
 * shape (lib/plan/schema.ts), before anything is built. Pure: no SDK.
 *
 * AWS ("Tag naming limits and requirements", https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions,
 * and CloudFormation "Tag", https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-resource-tags.html):
 * at most 50 user tags per resource, a key of 1–128 Unicode characters, a value of up to 256, and no key
 * starting with `aws:` in any case (reserved for AWS). The construct's IAM roles, Lambda functions and log
 * group carry the plan's tags too, and IAM accepts only letters, digits, spaces and `_ . : / = + - @` in
 * keys and values (IAM API `Tag`, pattern `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html).
 * Azure ("Use tags to organize your Azure resources", Limitations,
 * https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations):
 * at most 50 tag name/value pairs per resource, a name of up to 512 characters, a value of up to 256,
 * and no `<`, `>`, `%`, `&`, `\`, `?` or `/` in a name.
 */
import { PEER_TAGS } from '../core/tags';

export const AWS_TAG_LIMITS = { maxTags: 50, maxKeyLength: 128, maxValueLength: 256, reservedPrefix: 'aws:' } as const;
/** Characters IAM (and Lambda, CloudWatch Logs) accept in tag keys and values. */
const AWS_TAG_CHARACTER = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;
const AWS_TAG_CHARACTERS_TEXT = 'letters, digits, spaces and _ . : / = + - @';
export const AZURE_TAG_LIMITS = {
  maxTags: 50,
  maxNameLength: 512,
  maxValueLength: 256,
  forbiddenNameCharacters: ['<', '>', '%', '&', '\\', '?', '/'],
} as const;

/**
 * Tag keys the AWS construct (lib/aws/azure-vpn-connections.ts) adds besides the plan's, on the resource
 * that gets the most: each VPN connection. They count towards AWS's 50; a plan tag with the same key is
 * overwritten there, so it is counted once. test/plan/tags.test.ts synthesizes the construct to keep
 * this list true.
 */
export const AWS_CONSTRUCT_TAG_KEYS: readonly string[] = ['Name', PEER_TAGS.remoteCidrs, PEER_TAGS.tunnelIds, PEER_TAGS.plan];
/** The Azure component adds no tags of its own: its resources carry the plan's tags only. */
export const AZURE_COMPONENT_TAG_KEYS: readonly string[] = [];

/** One problem of the plan's tags: where (`[]` = the tags object, `[key]` = one tag), what, and what is valid. */
export interface TagProblem {
  readonly key?: string;
  readonly message: string;
  readonly fix: string;
}

/** Unicode characters, as both clouds count them (not UTF-16 code units). */
const length = (text: string) => [...text].length;

/** A long key shown in a message or path: its first characters only. */
export function shortTagKey(key: string): string {
  const chars = [...key];
  return chars.length <= 40 ? key : `${chars.slice(0, 40).join('')}…`;
}

/** The characters of `text` that AWS IAM refuses in a tag, quoted, at most five. */
function otherThanAwsTagCharacters(text: string): string {
  const bad = [...new Set([...text].filter((c) => !AWS_TAG_CHARACTER.test(c)))];
  return bad.slice(0, 5).map((c) => JSON.stringify(c)).join(', ') + (bad.length > 5 ? ', …' : '');
}

function withAwsTagCharacters(text: string): string {
  return [...text].map((c) => (AWS_TAG_CHARACTER.test(c) ? c : '-')).join('');
}

/** Every reason AWS or Azure would refuse the plan's tags, in key order, the count first. */
export function tagProblems(tags: Readonly<Record<string, string>>): TagProblem[] {
  const problems: TagProblem[] = [];
  const keys = Object.keys(tags);
  const awsCount = new Set([...keys, ...AWS_CONSTRUCT_TAG_KEYS]).size;
  if (awsCount > AWS_TAG_LIMITS.maxTags) {
    const room = AWS_TAG_LIMITS.maxTags - AWS_CONSTRUCT_TAG_KEYS.length;
    problems.push({
      message: `${keys.length} tags, plus the ${AWS_CONSTRUCT_TAG_KEYS.length} the AWS construct adds to each VPN connection ` +
        `(${AWS_CONSTRUCT_TAG_KEYS.join(', ')}), make ${awsCount} on one resource; AWS allows at most ${AWS_TAG_LIMITS.maxTags} per resource.`,
      fix: `at most ${room} plan tags.`,
    });
  }
  const azureCount = new Set([...keys, ...AZURE_COMPONENT_TAG_KEYS]).size;
  if (azureCount > AZURE_TAG_LIMITS.maxTags) {
    problems.push({
      message: `${azureCount} tags on each Azure resource; Azure allows at most ${AZURE_TAG_LIMITS.maxTags} tag name/value pairs per resource.`,
      fix: `at most ${AZURE_TAG_LIMITS.maxTags - AZURE_COMPONENT_TAG_KEYS.length} tags.`,
    });
  }
  for (const key of keys) {
    const value = tags[key];
    const shown = JSON.stringify(shortTagKey(key));
    if (length(key) === 0) {
      problems.push({ key, message: 'an empty tag key; AWS needs 1–128 characters and Azure a name.', fix: 'a non-empty key such as "project".' });
      continue;
    }
    if (length(key) > AWS_TAG_LIMITS.maxKeyLength) {
      const azureToo = length(key) > AZURE_TAG_LIMITS.maxNameLength ? ` and Azure's ${AZURE_TAG_LIMITS.maxNameLength}` : '';
      problems.push({
        key,
        message: `the key ${shown} has ${
          length(key)
        } characters, more than AWS's ${AWS_TAG_LIMITS.maxKeyLength}${azureToo} (AWS tag key: 1–${AWS_TAG_LIMITS.maxKeyLength} characters; Azure tag name: up to ${AZURE_TAG_LIMITS.maxNameLength}).`,
        fix: `a key of at most ${AWS_TAG_LIMITS.maxKeyLength} characters.`,
      });
    }
    if (key.toLowerCase().startsWith(AWS_TAG_LIMITS.reservedPrefix)) {
      problems.push({
        key,
        message:
          `the key ${shown} starts with '${AWS_TAG_LIMITS.reservedPrefix}', which AWS reserves for its own tags (in any upper or lower case); AWS refuses it.`,
        fix: `a key without the '${AWS_TAG_LIMITS.reservedPrefix}' prefix, e.g. ${
          JSON.stringify(shortTagKey(key.slice(AWS_TAG_LIMITS.reservedPrefix.length)) || 'project')
        }.`,
      });
    }
    const forbidden = AZURE_TAG_LIMITS.forbiddenNameCharacters.filter((c) => key.includes(c));
    if (forbidden.length > 0) {
      const replaced = [...key].map((c) => ((AZURE_TAG_LIMITS.forbiddenNameCharacters as readonly string[]).includes(c) ? '-' : c)).join('');
      problems.push({
        key,
        message: `the key ${shown} contains ${forbidden.map((c) => `'${c}'`).join(', ')}; Azure tag names cannot contain ${
          AZURE_TAG_LIMITS.forbiddenNameCharacters.join(' ')
        }.`,
        fix: `a key without those characters, e.g. ${JSON.stringify(shortTagKey(replaced))}.`,
      });
    }
    const badInKey = otherThanAwsTagCharacters(key);
    if (badInKey.length > 0) {
      problems.push({
        key,
        message:
          `the key ${shown} contains ${badInKey}; AWS IAM (whose roles of this construct carry the plan's tags) accepts only ${AWS_TAG_CHARACTERS_TEXT} in tag keys.`,
        fix: `a key of ${AWS_TAG_CHARACTERS_TEXT}, e.g. ${JSON.stringify(shortTagKey(withAwsTagCharacters(key)))}.`,
      });
    }
    if (length(value) > AWS_TAG_LIMITS.maxValueLength) {
      problems.push({
        key,
        message: `the value has ${length(value)} characters; AWS and Azure allow at most ${AWS_TAG_LIMITS.maxValueLength} in a tag value.`,
        fix: `a value of at most ${AWS_TAG_LIMITS.maxValueLength} characters.`,
      });
    }
    const badInValue = otherThanAwsTagCharacters(value);
    if (badInValue.length > 0) {
      problems.push({
        key,
        message:
          `the value contains ${badInValue}; AWS IAM (whose roles of this construct carry the plan's tags) accepts only ${AWS_TAG_CHARACTERS_TEXT} in tag values.`,
        fix: `a value of ${AWS_TAG_CHARACTERS_TEXT}.`,
      });
    }
  }
  return problems;
}

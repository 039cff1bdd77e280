import type { YAMLError } from 'yaml';

/** A YAML parser error as one short line; its position is reported separately. */
export function yamlErrorText(error: YAMLError): string {
  return (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

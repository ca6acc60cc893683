/** The scripts' command lines: `--name value` pairs, in any order. */

/** The value after `--name`, or undefined when the flag is absent. */
export function flag(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

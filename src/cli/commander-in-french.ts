import { type Argument, type Command, Help, type Option } from 'commander';
import { displayWidth } from './display-width.js';

/** Commander's section titles, as `--help` shows them in French. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Arguments:': 'Arguments :',
  'Commands:': 'Commandes :',
  'Global Options:': 'Options globales :',
};

/**
 * Makes commander speak French: section titles, the help option and command,
 * defaults, usage placeholders. Set on the program before its commands are
 * added, so that every command inherits it.
 */
export function configureFrenchHelp(program: Command): Command {
  return program
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      commandUsage(command: Command): string {
        return Help.prototype.commandUsage.call(this, command).replace('[command]', '[commande]');
      },
      subcommandTerm(command: Command): string {
        return Help.prototype.subcommandTerm.call(this, command).replace('[command]', '[commande]');
      },
      optionDescription: (option: Option) => typeset(describeOption(option)),
      argumentDescription: (argument: Argument) =>
        typeset(Help.prototype.argumentDescription.call(help, argument)),
      commandDescription: (command: Command) => typeset(command.description()),
      subcommandDescription: (command: Command) => typeset(command.summary() || command.description()),
      displayWidth: (text: string) => displayWidth(text),
      boxWrap: wrapOnSpaces,
    })
    .helpOption('-h, --help', 'affiche cette aide')
    .helpCommand('help [commande]', 'affiche l’aide d’une commande');
}

/** A Help instance for the default methods that read no state of their own. */
const help = new Help();

/**
 * French typography in help lines: a no-break space before « : ; ? ! » and inside « », so a
 * wrapped line never starts with a colon or leaves a guillemet alone at the end of a line.
 */
export function typeset(text: string): string {
  return text.replace(/ ([:;?!»])/gu, '\u00a0$1').replace(/« /gu, '«\u00a0');
}

/** Commander's wrapping, breaking at ordinary spaces only (its own breaks at no-break spaces too). */
function wrapOnSpaces(text: string, width: number): string {
  if (width < 40) return text;
  const wrapped: string[] = [];
  for (const line of text.split(/\r\n|\n/u)) {
    const chunks = line.match(/[ \t]*[^ \t]+/gu);
    if (chunks === null) {
      wrapped.push('');
      continue;
    }
    let current = chunks.shift() ?? '';
    for (const chunk of chunks) {
      if (displayWidth(current) + displayWidth(chunk) <= width) {
        current += chunk;
        continue;
      }
      wrapped.push(current);
      current = chunk.trimStart();
    }
    wrapped.push(current);
  }
  return wrapped.join('\n');
}

/** The option's help line with its default, « (par défaut : 8787) », when commander shows one. */
function describeOption(option: Option): string {
  const showsDefault = option.defaultValue !== undefined && (option.required || option.optional);
  if (!showsDefault) return option.description;
  const value = option.defaultValueDescription ?? String(option.defaultValue);
  return `${option.description} (par défaut : ${value})`;
}

/** One commander message, English as commander writes it, and its French wording. */
const COMMANDER_MESSAGES: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^unknown option '([^']*)'/, (flag) => `option inconnue : ${flag}`],
  [/^unknown command '([^']*)'/, (name) => `commande inconnue : ${name}`],
  [/^missing required argument '([^']*)'/, (name) => `argument obligatoire manquant : <${name}>`],
  [/^option '([^']*)' argument missing/, (flags) => `l’option ${flags} attend une valeur`],
  [/^required option '([^']*)' not specified/, (flags) => `option obligatoire absente : ${flags}`],
  [
    /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (name, expected, received) =>
      `trop d’arguments${name ? ` pour « ${name} »` : ''} : ${expected} attendu${Number(expected) > 1 ? 's' : ''}, ${received} reçus`,
  ],
  [
    /^option '([^']*)' argument '([^']*)' is invalid\.\s*(.*)$/s,
    (flags, value, reason) => `${flags} : valeur « ${value} » refusée${reason ? ` : ${reason}` : ''}`,
  ],
  [
    /^option '([^']*)' value '([^']*)' from env '([^']*)' is invalid\.\s*(.*)$/s,
    (flags, value, variable, reason) =>
      `${flags} : valeur « ${value} » de ${variable} refusée${reason ? ` : ${reason}` : ''}`,
  ],
  [
    /^command-argument value '([^']*)' is invalid for argument '([^']*)'\.\s*(.*)$/s,
    (value, name, reason) => `<${name}> : valeur « ${value} » refusée${reason ? ` : ${reason}` : ''}`,
  ],
  [/^(.*) cannot be used with (.*)$/, (first, second) => `${first} ne peut pas servir avec ${second}`],
];

/**
 * Commander's error message (« error: unknown option '--x'\n(Did you mean --y?) »)
 * in French, on one line. A message commander adds in a later version stays as it is.
 */
export function translateCommanderMessage(text: string): string {
  const [firstLine = '', ...rest] = text
    .replace(/^error: /, '')
    .trim()
    .split('\n');
  const suggestion = rest.join(' ').match(/\(Did you mean (?:one of )?(.+)\?\)/)?.[1];
  const message = rest.filter((line) => !line.startsWith('(Did you mean')).join(' ');
  const whole = [firstLine, message].filter(Boolean).join(' ');
  for (const [pattern, wording] of COMMANDER_MESSAGES) {
    const match = whole.match(pattern);
    if (match) {
      // Our parsers end their reason with a period; the « (voir plume --help) » that follows closes the line.
      const french = wording(...match.slice(1).map((group) => group ?? '')).replace(/\.$/u, '');
      return suggestion ? `${french} (vouliez-vous dire ${suggestion} ?)` : french;
    }
  }
  return whole;
}

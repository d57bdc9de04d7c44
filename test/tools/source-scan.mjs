// Small, dependency-free readers of the elements' TypeScript source, shared by
// custom-elements-manifest.config.mjs and test/tools/check-manifest.mjs. They work on
// text (no type checker): good enough for the kit's conventions, see check-manifest.mjs.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts file under `dir`, recursively, except tests, stories and declarations. */
export function sourceFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !/\.(test|stories|d)\.ts$/.test(name)) found.push(path);
  }
  return found;
}

/**
 * The source with its comments blanked out (newlines kept, so offsets and line numbers
 * still match) and strings, template literals and regular expressions left alone.
 */
export function stripComments(source) {
  let out = '';
  let i = 0;
  /** Open template literals: how many `{` are open inside each `${ … }`. */
  const templates = [];
  let lastSignificant = '';
  const blank = (text) => text.replace(/[^\n]/g, ' ');
  const readQuoted = (quote) => {
    let j = i + 1;
    while (j < source.length && source[j] !== quote && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
    out += source.slice(i, j + 1);
    i = j + 1;
  };
  /** Reads template text up to the closing backtick or the next `${`. */
  const readTemplateText = () => {
    let j = i;
    while (j < source.length && source[j] !== '`' && !(source[j] === '$' && source[j + 1] === '{')) j += source[j] === '\\' ? 2 : 1;
    if (source[j] === '`') {
      out += source.slice(i, j + 1);
      i = j + 1;
      templates.pop();
    } else {
      out += source.slice(i, j + 2);
      i = j + 2;
      templates[templates.length - 1] = 1;
    }
    lastSignificant = '`';
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '\'' || c === '"') {
      readQuoted(c);
      lastSignificant = c;
    } else if (c === '`') {
      out += c;
      i += 1;
      templates.push(0);
      readTemplateText();
    } else if (c === '/' && (lastSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant))) {
      // A regular expression literal: skip to its closing slash (outside a [class]).
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j += 1;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j += 1;
      }
      out += source.slice(i, j + 1);
      i = j + 1;
      lastSignificant = '/';
    } else {
      if (templates.length > 0 && templates[templates.length - 1] > 0) {
        if (c === '{') templates[templates.length - 1] += 1;
        if (c === '}') {
          templates[templates.length - 1] -= 1;
          if (templates[templates.length - 1] === 0) {
            out += c;
            i += 1;
            readTemplateText();
            continue;
          }
        }
      }
      out += c;
      i += 1;
      if (!/\s/.test(c)) lastSignificant = c;
    }
  }
  return out;
}

/** `const NAME = 'text'` (exported or not) in the given files: name → text. */
export function stringConstants(files) {
  const constants = new Map();
  for (const file of files) {
    const code = stripComments(readFileSync(file, 'utf8'));
    for (const match of code.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=]+?)?=\s*(['"`])([^'"`$\\]*)\2/g)) {
      constants.set(match[1], match[3]);
    }
  }
  return constants;
}

/** The string literals ('…', "…", `…` without `${`) written in a piece of code. */
export function stringLiterals(code) {
  return [...code.matchAll(/(['"`])([^'"`$\\\n]*)\1/g)].map((match) => match[2]);
}

/** 1-based line of `offset` in `text`. */
export function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (text[i] === '\n') line += 1;
  return line;
}

/** Generic type arguments, one level of nesting: `<T>`, `<Map<K, V>>`. */
const TYPE_ARGS = String.raw`(?:<(?:[^<>]|<[^<>]*>)*>)?`;
/** `('name'` or `(IDENTIFIER`. */
const NAME_ARG = String.raw`\s*\(\s*(?:(['"\x60])([^'"\x60$\\]*)\1|([A-Za-z_$][\w$]*))`;
const EVENT_CALLS = [
  new RegExp(String.raw`\bemit\s*${TYPE_ARGS}${NAME_ARG}`, 'g'),
  new RegExp(String.raw`\bnew\s+(?:Custom)?Event\s*${TYPE_ARGS}${NAME_ARG}`, 'g'),
];

/**
 * Events dispatched in `code` (comments stripped): `emit('x'`, `emit<T>(CONSTANT`,
 * `new CustomEvent('x'`, `new Event(CONSTANT`. Returns { found: [{ name, offset }],
 * unknown: [{ text, offset }] } where unknown names are variables, not string constants.
 */
export function findEvents(code, constants) {
  const found = [];
  const unknown = [];
  for (const pattern of EVENT_CALLS) {
    for (const match of code.matchAll(pattern)) {
      if (match[2] !== undefined) found.push({ name: match[2], offset: match.index });
      else if (constants.has(match[3])) found.push({ name: constants.get(match[3]), offset: match.index });
      else unknown.push({ text: match[3], offset: match.index });
    }
  }
  return { found, unknown };
}

/** The code of the `${ … }` expression that starts at `start` (just after `${`). */
function expressionAt(code, start) {
  let depth = 1;
  let i = start;
  while (i < code.length && depth > 0) {
    if (code[i] === '{') depth += 1;
    else if (code[i] === '}') depth -= 1;
    i += 1;
  }
  return code.slice(start, i - 1);
}

/** Part names a `part=` value gives: literal names, and the literals of a whole `${…}`. */
function partNames(value, expressions) {
  const found = [];
  const unknown = [];
  for (const token of value.split(/\s+/).filter(Boolean)) {
    const only = /^\u0000(\d+)\u0000$/.exec(token);
    if (!token.includes('\u0000')) found.push(token);
    else if (only) {
      const literals = stringLiterals(expressions[Number(only[1])]);
      if (literals.length === 0) unknown.push(`\${${expressions[Number(only[1])].trim()}}`);
      found.push(...literals.flatMap((literal) => literal.split(/\s+/).filter(Boolean)));
    } else unknown.push(token.replace(/\u0000(\d+)\u0000/g, (_, i) => `\${${expressions[Number(i)].trim()}}`));
  }
  return { found, unknown };
}

/**
 * Shadow parts named in `code` (comments stripped): part="a b", part='a', part=${…} and
 * part="${…} b" through the string literals of a whole `${…}` (part=${open ? 'open' :
 * 'closed'} gives both), setAttribute('part', '…'). Returns { found: [{ name, offset }],
 * unknown: [{ text, offset }] } where unknown parts are computed (part=${name},
 * part="${kind}-label").
 */
export function findParts(code) {
  const found = [];
  const unknown = [];
  const add = (result, offset) => {
    found.push(...result.found.map((name) => ({ name, offset })));
    unknown.push(...result.unknown.map((text) => ({ text, offset })));
  };
  for (const match of code.matchAll(/(?<![\w.:$-])part\s*=\s*(?:(["'])|\$\{)/g)) {
    const start = match.index + match[0].length;
    if (match[1] === undefined) {
      add(partNames('\u00000\u0000', [expressionAt(code, start)]), match.index);
      continue;
    }
    // A quoted value, which may hold ${…} expressions.
    const expressions = [];
    let value = '';
    let i = start;
    while (i < code.length && code[i] !== match[1]) {
      if (code[i] === '$' && code[i + 1] === '{') {
        const expression = expressionAt(code, i + 2);
        value += `\u0000${expressions.length}\u0000`;
        expressions.push(expression);
        i += expression.length + 3;
      } else {
        value += code[i];
        i += 1;
      }
    }
    add(partNames(value, expressions), match.index);
  }
  for (const match of code.matchAll(/setAttribute\(\s*['"]part['"]\s*,\s*(['"])([^'"]*)\1/g)) {
    add({ found: match[2].split(/\s+/).filter(Boolean), unknown: [] }, match.index);
  }
  return { found, unknown };
}

// A custom-elements-manifest analyzer plugin that documents each element's attributes from
// its settings table (components/shared/settings.ts): an element declares
// `static override properties = propertiesOf(TABLE)`, and TABLE, made with
// `defineSettings({ … })` in any module, holds each attribute's name, kind, default and
// description. The analyzer cannot read a table through a function call, so this plugin
// finds it with the TypeScript checker and writes, for every row, the manifest's attribute
// entry and its field's attribute, description and default. The field's type is the one
// the element declares (`declare xMin: number`).
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export function settingsTables() {
  let ts;
  return {
    name: 'nn-kit-settings-tables',
    analyzePhase({ ts: compiler }) {
      ts ??= compiler;
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules.filter((module) => module.declarations?.some((d) => d.customElement));
      if (!ts || modules.length === 0) return;
      const config = ts.readConfigFile(resolve(root, 'tsconfig.json'), ts.sys.readFile);
      const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
      const program = ts.createProgram({ rootNames: modules.map((m) => resolve(root, m.path)), options: { ...options, types: [], noEmit: true } });
      const checker = program.getTypeChecker();
      for (const module of modules) {
        const source = program.getSourceFile(resolve(root, module.path));
        for (const declaration of module.declarations.filter((d) => d.customElement)) {
          const table = source && tableOf(ts, checker, source, declaration.name);
          if (table) document(declaration, table);
        }
      }
    },
  };
}

/** The rows of the table a class passes to propertiesOf(), read from the table's object literal. */
function tableOf(ts, checker, source, className) {
  let call;
  ts.forEachChild(source, (node) => {
    if (!ts.isClassDeclaration(node) || node.name?.text !== className) return;
    for (const member of node.members) {
      const init = ts.isPropertyDeclaration(member) && member.name.getText() === 'properties' ? member.initializer : undefined;
      if (init && ts.isCallExpression(init) && init.expression.getText() === 'propertiesOf') call = init;
    }
  });
  if (!call) return undefined;
  let symbol = checker.getSymbolAtLocation(call.arguments[0]);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const variable = symbol?.valueDeclaration;
  const definition = variable && ts.isVariableDeclaration(variable) ? variable.initializer : undefined;
  const literal = definition && ts.isCallExpression(definition) ? definition.arguments[0] : definition;
  if (!literal || !ts.isObjectLiteralExpression(literal)) throw new Error(`manifest-settings: the table of ${className} is not an object literal`);
  return literal.properties.filter(ts.isPropertyAssignment).map((row) => {
    const fields = Object.fromEntries(
      row.initializer.properties.filter(ts.isPropertyAssignment).map((field) => [field.name.getText(), field.initializer]),
    );
    const text = (node) => (node && ts.isStringLiteralLike(node) ? node.text : undefined);
    const name = row.name.getText().replace(/^['"]|['"]$/g, '');
    return {
      name,
      attribute: text(fields.attribute) ?? name.toLowerCase(),
      description: text(fields.description) ?? '',
      default: fields.default ? defaultText(ts, checker, fields.default) : undefined,
    };
  });
}

/** A default as written; for a name (e.g. the core's TRAINER_DEFAULTS.learningRate), the literal it stands for. */
function defaultText(ts, checker, node) {
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return node.getText();
  const type = checker.getTypeAtLocation(node);
  if (type.isNumberLiteral()) return String(type.value);
  if (type.isStringLiteral()) return `'${type.value}'`;
  return node.getText();
}

/** Writes a table's rows into an element's manifest entry. */
function document(declaration, rows) {
  const members = declaration.members ?? (declaration.members = []);
  const attributes = [];
  for (const row of rows) {
    let field = members.find((member) => member.kind === 'field' && member.name === row.name);
    if (!field) members.push((field = { kind: 'field', name: row.name }));
    Object.assign(field, { description: row.description, attribute: row.attribute });
    if (row.default !== undefined) field.default = row.default;
    delete field.privacy;
    attributes.push({
      name: row.attribute,
      ...(field.type ? { type: field.type } : {}),
      description: row.description,
      ...(row.default !== undefined ? { default: row.default } : {}),
      fieldName: row.name,
    });
  }
  const documented = new Set(attributes.map((attribute) => attribute.name));
  declaration.attributes = [...attributes, ...(declaration.attributes ?? []).filter((attribute) => !documented.has(attribute.name))];
}

// A custom-elements-manifest analyzer plugin that gives the manifest the types only a type
// checker knows, so what is generated from the manifest (framework types, editor data) is
// exact:
// - each event an element fires with `this.emit(name, detail)` gets
//   `type: { text: 'CustomEvent<…>', references }`: the detail's type in the element's
//   event map (`extends NnElement<TrainerEvents>`), else the call's type argument, else the
//   type of each property of the detail object (`{ epoch: number; reason: "diverged" }`),
//   the calls of one event joined as a union;
// - an attribute or field the analyzer left untyped (an initializer it could not read) gets
//   the type the checker infers.
// `references` name the declarations a type text mentions ({ name, module }, module being
// the source file), so a generator can import them.
//
// It uses the TypeScript compiler the analyzer itself runs (handed to plugins as `ts`), on
// the project's tsconfig.json.
import { relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export function typeEvents() {
  let ts;
  return {
    name: 'nn-kit-type-events',
    analyzePhase({ ts: compiler }) {
      ts ??= compiler;
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules.filter((module) => module.declarations?.some((d) => d.customElement));
      if (!ts || modules.length === 0) return;
      const program = createProgram(ts, modules.map((module) => resolve(root, module.path)));
      const checker = program.getTypeChecker();
      for (const module of modules) {
        const source = program.getSourceFile(resolve(root, module.path));
        for (const declaration of module.declarations.filter((d) => d.customElement)) {
          const node = source && findClass(ts, source, declaration.name);
          if (!node) throw new Error(`manifest-types: class ${declaration.name} not found in ${module.path}`);
          typeMembers(ts, checker, node, declaration);
          typeEventsOf(ts, checker, node, declaration);
        }
      }
    },
  };
}

function createProgram(ts, rootNames) {
  const config = ts.readConfigFile(resolve(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram({ rootNames, options: { ...options, types: [], noEmit: true } });
}

function findClass(ts, source, name) {
  let found;
  ts.forEachChild(source, (node) => {
    if (ts.isClassDeclaration(node) && node.name?.text === name) found = node;
  });
  return found;
}

/** Types, from the checker, for the attributes and fields the analyzer left untyped. */
function typeMembers(ts, checker, node, declaration) {
  const typeOf = new Map();
  for (const member of node.members) {
    if (!member.name || !ts.isIdentifier(member.name)) continue;
    if (!ts.isPropertyDeclaration(member) && !ts.isGetAccessorDeclaration(member)) continue;
    typeOf.set(member.name.text, () => ({ text: checker.typeToString(checker.getTypeAtLocation(member), member, ts.TypeFormatFlags.NoTruncation) }));
  }
  for (const field of declaration.members ?? []) if (field.kind === 'field' && !field.type && typeOf.has(field.name)) field.type = typeOf.get(field.name)();
  for (const attribute of declaration.attributes ?? []) {
    if (!attribute.type && typeOf.has(attribute.fieldName)) attribute.type = typeOf.get(attribute.fieldName)();
  }
}

/** Event types from the element's `this.emit(name, detail)` calls. */
function typeEventsOf(ts, checker, node, declaration) {
  const details = new Map(); // event name → { texts: Set, references: Map }
  // The element's event map, `extends NnElement<Events>`: the detail type each name declares there.
  const base = node.heritageClauses?.flatMap((clause) => [...clause.types]).find((type) => type.expression.getText() === 'NnElement');
  const eventMap = base?.typeArguments?.[0] && checker.getTypeFromTypeNode(base.typeArguments[0]);
  const declared = (name) => {
    const member = eventMap?.getProperty(name);
    const declaration = member?.valueDeclaration ?? member?.declarations?.[0];
    return declaration?.type;
  };
  const visit = (child) => {
    if (ts.isCallExpression(child) && isThisEmit(ts, child) && child.arguments.length >= 2) {
      const nameType = checker.getTypeAtLocation(child.arguments[0]);
      if (nameType.isStringLiteral()) {
        const entry = details.get(nameType.value) ?? { texts: new Set(), references: new Map() };
        const refs = new Refs(ts, checker);
        const mapped = declared(nameType.value);
        const text = mapped
          ? refs.typeNode(mapped)
          : child.typeArguments?.length
            ? refs.typeNode(child.typeArguments[0])
            : refs.detail(child.arguments[1]);
        entry.texts.add(text);
        for (const [key, reference] of refs.found) entry.references.set(key, reference);
        details.set(nameType.value, entry);
      }
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  for (const event of declaration.events ?? []) {
    const detail = details.get(event.name);
    if (!detail) continue;
    event.type = { text: `CustomEvent<${[...detail.texts].join(' | ')}>` };
    if (detail.references.size) event.type.references = [...detail.references.values()];
  }
}

function isThisEmit(ts, call) {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && callee.name.text === 'emit';
}

/** Prints types as text, and collects the project's declarations the text names. */
class Refs {
  constructor(ts, checker) {
    this.ts = ts;
    this.checker = checker;
    this.found = new Map();
  }

  /** A written type argument, as written, with the declarations its names resolve to. */
  typeNode(typeNode) {
    const ts = this.ts;
    const visit = (child) => {
      if (ts.isTypeReferenceNode(child) && ts.isIdentifier(child.typeName)) this.symbol(this.checker.getSymbolAtLocation(child.typeName));
      ts.forEachChild(child, visit);
    };
    visit(typeNode);
    return typeNode.getText();
  }

  /** The type of a detail argument: an object literal property by property (literals kept), else its type. */
  detail(expression) {
    const ts = this.ts;
    if (!ts.isObjectLiteralExpression(expression)) return this.type(this.checker.getTypeAtLocation(expression));
    const properties = expression.properties.map((property) => {
      if (ts.isShorthandPropertyAssignment(property)) {
        const value = this.checker.getShorthandAssignmentValueSymbol(property);
        return `${property.name.text}: ${this.type(this.checker.getTypeOfSymbolAtLocation(value, property))}`;
      }
      if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
        return `${property.name.text}: ${this.type(this.checker.getTypeAtLocation(property.initializer))}`;
      }
      return `${property.getText()}: unknown`;
    });
    return `{ ${properties.join('; ')} }`;
  }

  /** A type as text; the named declarations it mentions are collected. */
  type(type) {
    this.collect(type, new Set());
    return this.checker.typeToString(type, undefined, this.ts.TypeFormatFlags.NoTruncation | this.ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType);
  }

  collect(type, seen) {
    if (seen.has(type)) return;
    seen.add(type);
    if (type.aliasSymbol) return this.symbol(type.aliasSymbol);
    if (type.isUnionOrIntersection()) return type.types.forEach((t) => this.collect(t, seen));
    const { checker } = this;
    if (checker.isArrayType(type) || checker.isTupleType(type)) return checker.getTypeArguments(type).forEach((t) => this.collect(t, seen));
    if (type.symbol && !type.symbol.name.startsWith('__')) return this.symbol(type.symbol);
    if (type.flags & this.ts.TypeFlags.Object) for (const property of type.getProperties()) this.collect(checker.getTypeOfSymbol(property), seen);
  }

  /** Records a symbol declared in the project (not in a library), by name and source file. */
  symbol(symbol) {
    if (!symbol) return;
    if (symbol.flags & this.ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const file = symbol.declarations?.[0]?.getSourceFile().fileName;
    if (!file || !file.startsWith(root + '/') || file.includes('/node_modules/')) return;
    const module = relative(root, file);
    this.found.set(`${module}#${symbol.name}`, { name: symbol.name, module });
  }
}

import type OpenAI from 'openai';
import { z } from 'zod';
import { actionNames, intentSchemas, type ActionName } from '../../shared/intent.ts';

// The model's view of the intent schemas: one OpenAI function tool per action, and the same
// actions as a short text list for the system prompt. Both are generated from src/shared/intent.ts,
// so the tools, the prompt and the validation of replies cannot drift apart.

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; required?: string[] };

const thought: JsonSchema = { type: 'string', description: 'Why this step, in one short sentence' };
const locationFields = ['target', 'ref', 'point'];

/**
 * z.toJSONSchema ignores `.refine` (our "say which element" rule), so that rule is told in words.
 * Zod keeps refinements as checks of kind "custom" on the object.
 */
function needsLocation(name: ActionName): boolean {
  const schema = intentSchemas[name];
  const fields = Object.keys(schema.shape);
  const checks = schema.def.checks ?? [];
  return checks.some((check) => check._zod.def.check === 'custom') && locationFields.every((field) => fields.includes(field));
}

function describeAction(name: ActionName): string {
  const base = intentSchemas[name].description ?? name;
  return needsLocation(name) ? `${base}. Say which element with at least one of target, ref, point.` : base;
}

/**
 * Draft 2020-12 output that some OpenAI-compatible servers (llama.cpp, vLLM grammars) do not take:
 * tuples become `items` with a fixed length, and unions of literals become an `enum`.
 */
function simplify(node: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...node };
  if (Array.isArray(out.prefixItems)) {
    const items = out.prefixItems as JsonSchema[];
    const same = items.every((item) => JSON.stringify(item) === JSON.stringify(items[0]));
    out.items = same && items[0] ? items[0] : { anyOf: items };
    delete out.prefixItems;
  }
  if (Array.isArray(out.anyOf)) {
    const options = (out.anyOf as JsonSchema[]).map(simplify);
    const literals = options.every((option) => 'const' in option && option.type === options[0]?.type);
    if (literals && options[0]) {
      out.type = options[0].type;
      out.enum = options.map((option) => option.const);
      delete out.anyOf;
    } else out.anyOf = options;
  }
  if (out.items && typeof out.items === 'object') out.items = simplify(out.items as JsonSchema);
  if (out.properties) out.properties = Object.fromEntries(Object.entries(out.properties).map(([key, value]) => [key, simplify(value)]));
  return out;
}

/** The JSON Schema of one action's fields: no `action` (the tool's name says it), plus `thought`. */
export function actionParameters(name: ActionName): JsonSchema {
  // io 'input': fields with a default are optional for the model, as they are for the parser.
  const generated = z.toJSONSchema(intentSchemas[name], { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fields = { ...generated.properties };
  delete fields.action;
  const required = (generated.required ?? []).filter((field) => field !== 'action');
  const parameters: JsonSchema = { type: 'object', properties: { thought, ...fields } };
  if (required.length > 0) parameters.required = required;
  return simplify(parameters);
}

export function toolDefinitions(): OpenAI.Chat.Completions.ChatCompletionFunctionTool[] {
  return actionNames.map((name) => ({
    type: 'function',
    function: { name, description: describeAction(name), parameters: actionParameters(name) },
  }));
}

function typeText(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join('|');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeText).join('|');
  if (schema.type === 'array') {
    const item = typeText((schema.items as JsonSchema | undefined) ?? {});
    const length = schema.minItems === schema.maxItems ? Number(schema.minItems) : undefined;
    return length && length <= 4 ? `[${Array<string>(length).fill(item).join(', ')}]` : `${item}[]`;
  }
  return typeof schema.type === 'string' ? schema.type : 'any';
}

/**
 * One line per action: `- click: Click an element. ... Fields: target?: string (The element in
 * words...); button?: "left"|"right"|"middle" = "left"`. A field's description is given the
 * first time the field appears, to keep the prompt short.
 */
export function actionListText(): string {
  const described = new Set<string>();
  return actionNames
    .map((name) => {
      const parameters = actionParameters(name);
      const required = new Set(parameters.required ?? []);
      const fields = Object.entries(parameters.properties ?? {})
        .filter(([field]) => field !== 'thought')
        .map(([field, schema]) => {
          let text = `${field}${required.has(field) ? '' : '?'}: ${typeText(schema)}`;
          if (schema.default !== undefined) text += ` = ${JSON.stringify(schema.default)}`;
          if (typeof schema.description === 'string' && !described.has(field)) text += ` (${schema.description})`;
          described.add(field);
          return text;
        });
      const description = describeAction(name).replace(/\.?$/, '.');
      return `- ${name}: ${description}${fields.length > 0 ? ` Fields: ${fields.join('; ')}` : ''}`;
    })
    .join('\n');
}

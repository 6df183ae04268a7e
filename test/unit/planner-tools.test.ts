import { describe, expect, it } from 'vitest';
import { actionListText, toolDefinitions } from '../../src/background/planner/tools.ts';
import { parseReply } from '../../src/background/planner/parse.ts';
import { actionNames, intentSchemas } from '../../src/shared/intent.ts';

// The tool definitions and the prompt's action list are generated from the intent schemas.

type Schema = { type?: unknown; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; items?: Schema; [key: string]: unknown };

const tools = toolDefinitions();
const parametersOf = (name: string): Schema => {
  const tool = tools.find((candidate) => candidate.function.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool.function.parameters as Schema;
};

/** A tiny check, enough to see that the schema and a sample agree: required fields, types, enums. */
function problems(schema: Schema, value: Record<string, unknown>): string[] {
  const found = (schema.required ?? []).filter((field) => !(field in value)).map((field) => `missing ${field}`);
  for (const [field, fieldValue] of Object.entries(value)) {
    const property = schema.properties?.[field];
    if (!property) found.push(`unknown ${field}`);
    else if (property.enum && !property.enum.includes(fieldValue)) found.push(`${field} not in enum`);
    else if (property.type === 'array' && !Array.isArray(fieldValue)) found.push(`${field} not an array`);
    else if (typeof property.type === 'string' && property.type !== 'array' && typeof fieldValue !== property.type) found.push(`${field} not ${property.type}`);
  }
  return found;
}

describe('toolDefinitions', () => {
  it('has one function tool per action, named and described by its schema', () => {
    expect(tools.map((tool) => tool.function.name)).toEqual(actionNames);
    for (const tool of tools) {
      expect(tool.type).toBe('function');
      expect(tool.function.description).toContain(intentSchemas[tool.function.name as keyof typeof intentSchemas].description);
    }
  });

  it('leaves out the action field and adds an optional thought first', () => {
    for (const tool of tools) {
      const parameters = tool.function.parameters as Schema;
      expect(parameters.type).toBe('object');
      expect(parameters.properties).not.toHaveProperty('action');
      expect(parameters.required ?? []).not.toContain('action');
      expect(parameters.required ?? []).not.toContain('thought');
      expect(Object.keys(parameters.properties ?? {})[0]).toBe('thought');
      expect(parameters.properties?.thought).toMatchObject({ type: 'string' });
    }
  });

  it('is plain JSON Schema: no $schema, no prefixItems, no refinements', () => {
    const json = JSON.stringify(tools);
    expect(json).not.toContain('$schema');
    expect(json).not.toContain('prefixItems');
    expect(json).not.toContain('"items":false');
  });

  it('lets click require nothing but take target, ref and point', () => {
    const click = parametersOf('click');
    expect(click.required ?? []).toEqual([]);
    expect(Object.keys(click.properties ?? {})).toEqual(expect.arrayContaining(['target', 'ref', 'point', 'button', 'count', 'sensitive']));
    expect(click.properties?.point).toMatchObject({ type: 'array', items: { type: 'number', minimum: 0, maximum: 999 }, minItems: 2, maxItems: 2 });
    expect(tools[0]?.function.description).toMatch(/at least one of target, ref, point/);
  });

  it('makes type require text, with defaults left optional', () => {
    const type = parametersOf('type');
    expect(type.required).toEqual(['text']);
    expect(type.properties?.clear).toMatchObject({ type: 'boolean', default: true });
  });

  it('keeps enums, including unions of literals', () => {
    expect(parametersOf('click').properties?.button?.enum).toEqual(['left', 'right', 'middle']);
    expect(parametersOf('click').properties?.count?.enum).toEqual([1, 2]);
    expect(parametersOf('scroll').properties?.direction?.enum).toEqual(['up', 'down', 'left', 'right', 'top', 'bottom']);
    expect(parametersOf('ask_user').properties?.kind?.enum).toEqual(['choice', 'takeover', 'confirm']);
    expect(parametersOf('tab').required).toEqual(['op']);
  });

  it('has no required list for actions without fields', () => {
    expect(parametersOf('back')).toEqual({ type: 'object', properties: { thought: expect.any(Object) } });
  });

  it.each([
    ['click', { target: 'the Save button', button: 'right' }],
    ['type', { ref: 'e4', text: 'hello', submit: true }],
    ['scroll', { direction: 'down' }],
    ['finish', { success: true, answer: '42' }],
    ['ask_user', { question: 'Which size?', kind: 'choice', options: ['S', 'M'] }],
  ])('accepts a sample %s that the parser accepts too', (name, sample) => {
    expect(problems(parametersOf(name), sample)).toEqual([]);
    expect(parseReply({ tool_calls: [{ function: { name, arguments: JSON.stringify(sample) } }] }).ok).toBe(true);
  });

  it.each([
    ['type', { target: 'Search' }, ['missing text']],
    ['click', { target: 'OK', button: 'top' }, ['button not in enum']],
    ['finish', { success: 'yes' }, ['success not boolean']],
  ])('rejects a bad sample %s', (name, sample, expected) => {
    expect(problems(parametersOf(name), sample)).toEqual(expected);
  });
});

describe('actionListText', () => {
  const text = actionListText();
  const lines = text.split('\n');

  it('has one line per action, in order', () => {
    expect(lines).toHaveLength(actionNames.length);
    lines.forEach((line, index) => expect(line.startsWith(`- ${actionNames[index]}: `)).toBe(true));
  });

  it('lists fields with their types, defaults and descriptions', () => {
    expect(lines[0]).toContain('Click an element.');
    expect(lines[0]).toContain('button?: "left"|"right"|"middle" = "left"');
    expect(lines[0]).toContain('count?: 1|2 = 1');
    expect(lines[0]).toContain('point?: [number, number] ([x, y] in 0-999 normalised viewport coordinates)');
    expect(lines[1]).toContain('text: string');
    expect(text).toContain('- back: Go back in history.');
    expect(text).not.toContain('thought');
  });

  it('describes a shared field only the first time', () => {
    expect(text.match(/The element in words/g)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { parseReply, type ParsedReply, type ParseContext, type ReplyMessage } from '../../src/background/planner/parse.ts';
import type { Intent } from '../../src/shared/intent.ts';

// parseReply reads one model reply (tool call, JSON in text, or AutoGLM) into one intent, or a
// short error meant to be sent back to the model.

function toolCall(name: string, args: string, content: string | null = null): ReplyMessage {
  return { content, tool_calls: [{ type: 'function', function: { name, arguments: args } }] };
}

function intentOf(reply: ParsedReply): Intent {
  if (!reply.ok) throw new Error(`expected an intent, got: ${reply.error}`);
  return reply.intent;
}

function errorOf(reply: ParsedReply): string {
  if (reply.ok) throw new Error(`expected an error, got: ${JSON.stringify(reply.intent)}`);
  return reply.error;
}

const content = (text: string, context?: ParseContext) => parseReply({ content: text }, context);

describe('parseReply: tool calls', () => {
  it('reads the action from the function name and the fields from the arguments', () => {
    const reply = parseReply(toolCall('click', '{"thought":"Open the cart","target":"the Cart link in the header","ref":"e12"}'));
    expect(reply).toEqual({
      ok: true,
      format: 'tool',
      thought: 'Open the cart',
      intent: { action: 'click', target: 'the Cart link in the header', ref: 'e12', button: 'left', count: 1 },
    });
  });

  it('applies the schema defaults', () => {
    expect(intentOf(parseReply(toolCall('type', '{"target":"Search box","text":"blue shirt"}')))).toEqual({
      action: 'type',
      target: 'Search box',
      text: 'blue shirt',
      clear: true,
      submit: false,
    });
  });

  it('uses only the first of several tool calls', () => {
    const reply = parseReply({
      content: null,
      tool_calls: [
        { type: 'function', function: { name: 'type', arguments: '{"target":"Email","text":"a@b.c"}' } },
        { type: 'function', function: { name: 'click', arguments: '{"target":"Sign in"}' } },
      ],
    });
    expect(intentOf(reply).action).toBe('type');
  });

  it('takes the thought from the text beside the call when the arguments have none', () => {
    const reply = parseReply(toolCall('back', '{}', 'The product page was wrong, going back.'));
    expect(reply).toMatchObject({ ok: true, thought: 'The product page was wrong, going back.', intent: { action: 'back' } });
  });

  it('takes the thought from <think> beside the call', () => {
    const reply = parseReply(toolCall('reload', '', '<think>The page looks stale.</think>'));
    expect(reply).toMatchObject({ ok: true, thought: 'The page looks stale.', intent: { action: 'reload' } });
  });

  it('treats empty arguments as no fields', () => {
    expect(intentOf(parseReply(toolCall('forward', '')))).toEqual({ action: 'forward' });
  });

  it('ignores an action field in the arguments that repeats the name', () => {
    expect(intentOf(parseReply(toolCall('navigate', '{"action":"navigate","url":"https://example.com"}')))).toEqual({
      action: 'navigate',
      url: 'https://example.com',
    });
  });

  it('reads a generic tool whose arguments carry the action', () => {
    expect(intentOf(parseReply(toolCall('act', '{"action":"press","key":"Enter"}')))).toEqual({ action: 'press', key: 'Enter' });
  });

  it('accepts a capitalised or "functions."-prefixed name', () => {
    expect(intentOf(parseReply(toolCall('functions.Click', '{"target":"OK"}'))).action).toBe('click');
    expect(intentOf(parseReply(toolCall('Ask-User', '{"question":"Which size?","options":["S","M"]}')))).toEqual({
      action: 'ask_user',
      question: 'Which size?',
      kind: 'choice',
      options: ['S', 'M'],
    });
  });

  it('repairs almost-JSON arguments', () => {
    expect(intentOf(parseReply(toolCall('click', "{'target': 'the Save button', 'count': 2,}")))).toMatchObject({ target: 'the Save button', count: 2 });
  });

  it('reports arguments that are not JSON', () => {
    const reply = parseReply(toolCall('click', '{"target": "the Save button"'));
    expect(reply.format).toBe('tool');
    expect(errorOf(reply)).toMatch(/^The arguments of tool call "click" are not valid JSON \(.+\)\. Send the call again with a JSON object as arguments\.$/);
  });

  it('reports arguments that are not an object', () => {
    expect(errorOf(parseReply(toolCall('click', '["the Save button"]')))).toBe(
      'The arguments of tool call "click" must be a JSON object, not a list.',
    );
  });

  it('reports an unknown tool name with the list of actions', () => {
    expect(errorOf(parseReply(toolCall('tap_button', '{"target":"OK"}')))).toBe(
      'Unknown action "tap_button"; use one of: click, type, select, check, hover, press, scroll, navigate, back, forward, reload, tab, wait, note, ask_user, finish.',
    );
  });

  it('reports a missing required field', () => {
    expect(errorOf(parseReply(toolCall('type', '{"target":"Search box"}')))).toBe('Field "text" is required for action "type".');
  });

  it('reports a click that says no element', () => {
    expect(errorOf(parseReply(toolCall('click', '{"button":"left"}')))).toBe(
      'Action "click": say which element: give a target (words), a ref or a point.',
    );
  });

  it('names unknown fields when validation fails', () => {
    expect(errorOf(parseReply(toolCall('click', '{"selector":"#buy"}')))).toBe(
      'Action "click": say which element: give a target (words), a ref or a point. Unknown field "selector"; "click" takes: target, ref, point, sensitive, button, count.',
    );
  });

  it.each([
    ['type', '{"target":"Qty","text":3}', 'Field "text" of action "type" must be a string, not a number.'],
    ['click', '{"target":"OK","button":"top"}', 'Field "button" of action "click" must be one of: left, right, middle.'],
    ['click', '{"target":"OK","count":3}', 'Field "count" of action "click" must be one of: 1, 2.'],
    ['scroll', '{"direction":"down","amount":"lots"}', 'Field "amount" of action "scroll" must be one of: page, half, a number.'],
    ['scroll', '{"direction":"sideways"}', 'Field "direction" of action "scroll" must be one of: up, down, left, right, top, bottom.'],
    ['wait', '{"seconds":120}', 'Field "seconds" of action "wait": too big: expected number to be <=60.'],
    ['tab', '{"op":"switch","index":1.5}', 'Field "index" of action "tab" must be an integer, not a number.'],
    ['click', '{"ref":"button-3"}', 'Field "ref" of action "click": a ref looks like e12 (or f3:e12 inside a frame).'],
    ['click', '{"point":[1200,40]}', 'Field "point" of action "click" must be [x, y] with x and y from 0 to 999.'],
    ['finish', '{"success":"yes"}', 'Field "success" of action "finish" must be a boolean, not a string.'],
    ['select', '{"target":"Size","option":[]}', 'Field "option" of action "select": too small: expected array to have >=1 items.'],
  ])('%s %s -> %s', (name, args, error) => {
    expect(errorOf(parseReply(toolCall(name, args)))).toBe(error);
  });

  it('skips tool calls without a function and reads the content', () => {
    const reply = parseReply({ content: '{"action":"back"}', tool_calls: [{ type: 'custom' }] });
    expect(reply).toMatchObject({ ok: true, format: 'json', intent: { action: 'back' } });
  });
});

describe('parseReply: points', () => {
  it('normalises a point in pixels when the viewport is known', () => {
    const reply = parseReply(toolCall('click', '{"point":[1100,360]}'), { viewport: { width: 1280, height: 720 } });
    expect(intentOf(reply)).toMatchObject({ point: [859, 500] });
    const wide = parseReply(toolCall('click', '{"point":[1920,100]}'), { viewport: { width: 1920, height: 1080 } });
    expect(intentOf(wide)).toMatchObject({ point: [999, 93] });
  });

  it('leaves points within 0-999 alone', () => {
    const reply = parseReply(toolCall('click', '{"point":[640,360]}'), { viewport: { width: 400, height: 300 } });
    expect(intentOf(reply)).toMatchObject({ point: [640, 360] });
  });

  it('accepts a point as {x, y} or as a string', () => {
    expect(intentOf(parseReply(toolCall('click', '{"point":{"x":10,"y":20}}')))).toMatchObject({ point: [10, 20] });
    expect(intentOf(parseReply(toolCall('click', '{"point":"[300, 400]"}')))).toMatchObject({ point: [300, 400] });
  });
});

describe('parseReply: JSON in the text', () => {
  it('reads a bare object with thought and intent', () => {
    const reply = content('{"thought": "Search first", "intent": {"action": "type", "target": "Search", "text": "shirt", "submit": true}}');
    expect(reply).toEqual({
      ok: true,
      format: 'json',
      thought: 'Search first',
      intent: { action: 'type', target: 'Search', text: 'shirt', clear: true, submit: true },
    });
  });

  it('reads a flat object', () => {
    const reply = content('{"thought": "Accept cookies", "action": "click", "target": "the Accept all button"}');
    expect(reply).toMatchObject({ ok: true, thought: 'Accept cookies', intent: { action: 'click', target: 'the Accept all button' } });
    expect(intentOf(reply)).not.toHaveProperty('thought');
  });

  it('reads an object in a ```json fence surrounded by prose', () => {
    const reply = content(
      'The results are loaded. I will open the first one.\n\n```json\n{\n  "thought": "open the first result",\n  "intent": { "action": "click", "target": "the first result link" }\n}\n```\nLet me know.',
    );
    expect(reply).toMatchObject({ ok: true, format: 'json', thought: 'open the first result', intent: { action: 'click' } });
  });

  it('reads an object in an unlabelled fence', () => {
    expect(intentOf(content('```\n{"action": "scroll", "direction": "down"}\n```'))).toEqual({ action: 'scroll', direction: 'down', amount: 'page' });
  });

  it('reads an object embedded in prose, ignoring braces inside strings', () => {
    const reply = content('Next step: {"action": "type", "target": "Notes", "text": "use {curly} braces"} and then we are done.');
    expect(intentOf(reply)).toMatchObject({ text: 'use {curly} braces' });
  });

  it('takes the thought from <think> when the JSON has none', () => {
    const reply = content('<think>The form is filled; submit it.</think>\n{"action": "press", "key": "Enter"}');
    expect(reply).toMatchObject({ ok: true, thought: 'The form is filled; submit it.', intent: { action: 'press', key: 'Enter' } });
  });

  it('repairs trailing commas, single quotes, comments, smart quotes and Python words', () => {
    const reply = content(`{
      // the next step
      'thought': 'Tick the terms box',
      intent: {
        \u201caction\u201d: \u201ccheck\u201d,
        "target": "the \u2018I agree\u2019 checkbox", /* quoted label */
        "checked": True,
      },
    }`);
    expect(reply).toMatchObject({ ok: true, thought: 'Tick the terms box', intent: { action: 'check', target: 'the \u2018I agree\u2019 checkbox', checked: true } });
  });

  it('keeps an apostrophe inside a single-quoted string with an escape', () => {
    expect(intentOf(content("{'action': 'note', 'content': 'Bob\\'s order is #4411'}"))).toEqual({ action: 'note', content: "Bob's order is #4411" });
  });

  it('reads raw newlines inside strings', () => {
    expect(intentOf(content('{"action": "type", "target": "Message", "text": "line one\nline two"}'))).toMatchObject({ text: 'line one\nline two' });
  });

  it('reads a tool call written as text', () => {
    const reply = content('<tool_call>\n{"name": "select", "arguments": {"target": "Size", "option": "M"}}\n</tool_call>');
    expect(reply).toMatchObject({ ok: true, format: 'json', intent: { action: 'select', target: 'Size', option: 'M' } });
    const stringArgs = content('{"name": "navigate", "arguments": "{\\"url\\": \\"https://shop.test\\"}"}');
    expect(intentOf(stringArgs)).toEqual({ action: 'navigate', url: 'https://shop.test' });
  });

  it.each([
    ['{"thought": "x", "action": {"action": "hover", "target": "Menu"}}', { action: 'hover', target: 'Menu' }],
    ['{"action": {"click": {"target": "OK"}}}', { action: 'click', target: 'OK', button: 'left', count: 1 }],
    ['{"action": {"type": "hover", "target": "Menu"}}', { action: 'hover', target: 'Menu' }],
    ['{"action": {"name": "back", "arguments": {}}}', { action: 'back' }],
    ['{"thought": "done", "finish": {"success": true, "answer": "42"}}', { action: 'finish', success: true, answer: '42' }],
    ['{"action": "Ask User", "question": "Log in?", "kind": "takeover"}', { action: 'ask_user', question: 'Log in?', kind: 'takeover' }],
  ])('unwraps %s', (reply, intent) => {
    expect(intentOf(content(reply))).toEqual(intent);
  });

  it('refuses an ambiguous action object', () => {
    expect(errorOf(content('{"action": {"target": "OK", "kind": "button"}}'))).toBe(
      'Field "action" must be the action name as a string, e.g. "action": "click", with the other fields beside it.',
    );
  });

  it('reports an object without an action', () => {
    expect(errorOf(content('{"thought": "hmm", "target": "Save"}'))).toBe(
      'The JSON object has no "action" field; add "action": one of click, type, select, check, hover, press, scroll, navigate, back, forward, reload, tab, wait, note, ask_user, finish.',
    );
  });

  it('reports an action that is not a string', () => {
    expect(errorOf(content('{"action": 3}'))).toMatch(/^Field "action" must be a string: one of click, type, /);
  });

  it('reports an unknown action', () => {
    const reply = content('{"action": "tap_button", "target": "OK"}');
    expect(reply.format).toBe('json');
    expect(errorOf(reply)).toMatch(/^Unknown action "tap_button"; use one of: click, type, select, /);
  });

  it('reports a truncated object', () => {
    const reply = content('```json\n{"thought": "search for shirts", "intent": {"action": "type", "target": "Sea');
    expect(reply).toEqual({
      ok: false,
      format: 'json',
      error: 'The JSON object in the reply is cut off (its braces do not close). Reply with exactly one tool call.',
    });
  });

  it('reports two intents in one reply', () => {
    const reply = content('{"action": "type", "target": "Email", "text": "a@b.c"}\n{"action": "click", "target": "Next"}');
    expect(errorOf(reply)).toBe('The reply has 2 JSON objects; send exactly one intent per step.');
  });

  it('takes the intent when the other object holds only a thought', () => {
    const reply = content('{"thought": "go on"}\n{"action": "scroll", "direction": "down"}');
    expect(reply).toMatchObject({ ok: true, thought: 'go on', intent: { action: 'scroll' } });
  });

  it('reports JSON that cannot be repaired', () => {
    expect(errorOf(content('{"action": "click", "target": "OK" "count": 2}'))).toMatch(
      /^The JSON in the reply is not a valid object \(.+\)\. Reply with exactly one tool call\.$/,
    );
  });

  it('reports prose only', () => {
    const reply = content('I think the next step is to click the Add to cart button.');
    expect(reply).toEqual({ ok: false, format: 'unknown', error: 'The reply has no tool call and no JSON object. Reply with exactly one tool call.' });
  });

  it('ignores braces in prose that hold no object', () => {
    expect(errorOf(content('Use the {placeholder} field next.'))).toBe('The reply has no tool call and no JSON object. Reply with exactly one tool call.');
  });

  it('reports an empty reply', () => {
    expect(parseReply({ content: '' })).toEqual({
      ok: false,
      format: 'unknown',
      error: 'The reply is empty: no tool call and no text. Reply with exactly one tool call.',
    });
    expect(errorOf(parseReply({ content: null, tool_calls: [] }))).toMatch(/^The reply is empty/);
    expect(errorOf(parseReply({}))).toMatch(/^The reply is empty/);
  });

  it('asks for JSON when the planner expects JSON', () => {
    expect(errorOf(content('no idea', { expect: 'json' }))).toBe(
      'The reply has no tool call and no JSON object. Reply with one JSON object: {"thought": "...", "intent": {"action": "...", ...}}.',
    );
  });

  it('reports wrong field types in JSON the same way as in tool calls', () => {
    expect(errorOf(content('{"action": "wait", "seconds": "five"}'))).toBe('Field "seconds" of action "wait" must be a number, not a string.');
  });
});

describe('parseReply: AutoGLM', () => {
  it('reads a tap with its thought', () => {
    const reply = content('<think>The search icon is at the top right.</think><answer>do(action="Tap", element=[912,64])</answer>');
    expect(reply).toEqual({
      ok: true,
      format: 'autoglm',
      thought: 'The search icon is at the top right.',
      intent: { action: 'click', point: [912, 64], button: 'left', count: 1 },
    });
  });

  it('reads a sensitive tap', () => {
    const reply = content('<answer>do(action="Tap", element=[500,880], message="重要操作")</answer>');
    expect(intentOf(reply)).toMatchObject({ action: 'click', point: [500, 880], sensitive: '重要操作' });
  });

  it.each([
    ['do(action="Click", element=[10,20])', { action: 'click', point: [10, 20], button: 'left', count: 1 }],
    ['do(action="Double Tap", element=[300,400])', { action: 'click', point: [300, 400], button: 'left', count: 2 }],
    ['do(action="Long Press", element=[300,400])', { action: 'click', point: [300, 400], button: 'right', count: 1 }],
    ['do(action="Tap", element=[100,200,300,400])', { action: 'click', point: [200, 300], button: 'left', count: 1 }],
    ['do(action="Type", element=[500,120], text="blue shirt")', { action: 'type', point: [500, 120], text: 'blue shirt', clear: true, submit: false }],
    ['do(action="Type_Name", target="the Name field", text="Ada")', { action: 'type', target: 'the Name field', text: 'Ada', clear: true, submit: false }],
    ['do(action="Swipe", start=[500,800], end=[500,200])', { action: 'scroll', direction: 'down', amount: 'page' }],
    ['do(action="Swipe", start=[500,200], end=[500,800])', { action: 'scroll', direction: 'up', amount: 'page' }],
    ['do(action="Swipe", start=[800,500], end=[200,520])', { action: 'scroll', direction: 'right', amount: 'page' }],
    ['do(action="Swipe", start=[200,500], end=[800,500])', { action: 'scroll', direction: 'left', amount: 'page' }],
    ['do(action="Back")', { action: 'back' }],
    ['do(action="Wait", duration="2 seconds")', { action: 'wait', seconds: 2 }],
    ['do(action="Wait", duration="500 seconds")', { action: 'wait', seconds: 60 }],
    ['do(action="Wait")', { action: 'wait', seconds: 1 }],
    ['do(action="Take_over", message="Please log in")', { action: 'ask_user', kind: 'takeover', question: 'Please log in' }],
    ['do(action="Interact")', { action: 'ask_user', kind: 'choice', question: 'Several options match; which one should I choose?' }],
    ['do(action="Note", message="Order #4411 costs $20")', { action: 'note', content: 'Order #4411 costs $20' }],
    ['finish(message="The cheapest blue shirt is $12.")', { action: 'finish', success: true, answer: 'The cheapest blue shirt is $12.' }],
    ['finish(message=\'He said \\"hi\\"\\nthen left\')', { action: 'finish', success: true, answer: 'He said "hi"\nthen left' }],
    ['finish()', { action: 'finish', success: true }],
  ])('%s', (reply, intent) => {
    expect(intentOf(content(reply))).toEqual(intent);
  });

  describe('the element in words', () => {
    it.each([
      ['do(action="Click", element="the Add to cart button of the Blue Shirt card")', { action: 'click', target: 'the Add to cart button of the Blue Shirt card', button: 'left', count: 1 }],
      ['do(action="Tap", target="the Search button")', { action: 'click', target: 'the Search button', button: 'left', count: 1 }],
      ['do(action="Tap", element="the Pay button", message="Pays $20")', { action: 'click', target: 'the Pay button', sensitive: 'Pays $20', button: 'left', count: 1 }],
      ['do(action="Double Tap", element="the file report.pdf")', { action: 'click', target: 'the file report.pdf', button: 'left', count: 2 }],
      ['do(action="Long Press", element="the photo of the lake")', { action: 'click', target: 'the photo of the lake', button: 'right', count: 1 }],
      ['do(action="Type", element="the Search box", text="blue shirt")', { action: 'type', target: 'the Search box', text: 'blue shirt', clear: true, submit: false }],
      ['do(action="Type", target="the Email field", text="a@b.c", submit=True)', { action: 'type', target: 'the Email field', text: 'a@b.c', clear: true, submit: true }],
      ['do(action="Select", element="the Size dropdown", option="M")', { action: 'select', target: 'the Size dropdown', option: 'M' }],
      ['do(action="Select", element="the Country list", value="France")', { action: 'select', target: 'the Country list', option: 'France' }],
      ['do(action="Check", element="the Remember me checkbox")', { action: 'check', target: 'the Remember me checkbox', checked: true }],
      ['do(action="Check", element="the newsletter box", checked=False)', { action: 'check', target: 'the newsletter box', checked: false }],
      ['do(action="Uncheck", element="the newsletter box")', { action: 'check', target: 'the newsletter box', checked: false }],
      ['do(action="Hover", element="the Products menu")', { action: 'hover', target: 'the Products menu' }],
      ['do(action="Scroll", element="the results list", direction="down")', { action: 'scroll', target: 'the results list', direction: 'down', amount: 'page' }],
      ['do(action="Scroll", direction="up", amount=300)', { action: 'scroll', direction: 'up', amount: 300 }],
      ['do(action="Swipe", element="the photo carousel", start=[800,500], end=[200,500])', { action: 'scroll', target: 'the photo carousel', direction: 'right', amount: 'page' }],
      ['do(action="Press", key="Enter", element="the Search box")', { action: 'press', key: 'Enter', target: 'the Search box' }],
      ['do(action="Tap", element="the 2nd of 3 Reply buttons")', { action: 'click', target: 'the 2nd of 3 Reply buttons', button: 'left', count: 1 }],
      ['do(action="Tap", element="[500, 300]")', { action: 'click', point: [500, 300], button: 'left', count: 1 }],
      ['do(action="Tap", element=[500,300], target="the Search button")', { action: 'click', point: [500, 300], button: 'left', count: 1 }],
      ['do(action="Tap", element="the Search button", ref="e12")', { action: 'click', target: 'the Search button', ref: 'e12', button: 'left', count: 1 }],
    ])('%s', (reply, intent) => {
      expect(intentOf(content(reply))).toEqual(intent);
    });

    it.each([
      ['do(action="Tap", element="蓝色衬衫的加入购物车按钮")', '蓝色衬衫的加入购物车按钮'],
      ['do(action="Tap", element=“蓝色衬衫的加入购物车按钮”)', '蓝色衬衫的加入购物车按钮'],
      ['do(action="Tap", element=「搜索」按钮)', '搜索'],
      ['do(action="Tap", element=「页面顶部的“搜索”按钮」)', '页面顶部的“搜索”按钮'],
      ['do(action="Tap", element=『我的订单』)', '我的订单'],
      ['do(action="Tap", element=＂登录按钮＂)', '登录按钮'],
      ['do（action＝"Tap"，element＝"获取验证码按钮"）', '获取验证码按钮'],
      ['do(action="Tap", element=“登录按钮")', '登录按钮'],
      ['do(action="Tap", element=“the "Add" button”)', 'the "Add" button'],
    ])('%s: Chinese wording and full-width quotes', (reply, target) => {
      expect(intentOf(content(reply))).toMatchObject({ action: 'click', target });
    });

    it('reads a Chinese type with its thought', () => {
      const reply = content('<think>需要在搜索框输入商品名。</think><answer>do(action="Type", element="页面顶部的搜索框", text="蓝色衬衫")</answer>');
      expect(reply).toEqual({
        ok: true,
        format: 'autoglm',
        thought: '需要在搜索框输入商品名。',
        intent: { action: 'type', target: '页面顶部的搜索框', text: '蓝色衬衫', clear: true, submit: false },
      });
    });
  });

  it('turns a swipe into pixels when the viewport is known', () => {
    const reply = content('do(action="Swipe", start=[500,800], end=[500,300])', { viewport: { width: 1280, height: 800 } });
    expect(intentOf(reply)).toEqual({ action: 'scroll', direction: 'down', amount: 400 });
  });

  it('keeps text with commas and parentheses', () => {
    expect(intentOf(content('do(action="Type", element=[1,2], text="Hello, world (again)")'))).toMatchObject({ text: 'Hello, world (again)' });
  });

  it('uses prose before the call as the thought', () => {
    const reply = content('The login form needs a password.\ndo(action="Take_over", message="Enter your password")');
    expect(reply).toMatchObject({ ok: true, format: 'autoglm', thought: 'The login form needs a password.' });
  });

  it('reads an answer without the opening think tag', () => {
    const reply = content('I should go back.</think>\n<answer>do(action="Back")</answer>');
    expect(reply).toMatchObject({ ok: true, thought: 'I should go back.', intent: { action: 'back' } });
  });

  it('prefers the AutoGLM call to braces inside its text', () => {
    expect(intentOf(content('do(action="Type", element=[5,5], text="{\\"a\\": 1}")'))).toMatchObject({ text: '{"a": 1}' });
  });

  it.each([
    ['do(action="Tap")', 'do(action="Tap") does not say which element: add element="the ... button" (words) or element=[x,y] (0-999).'],
    ['do(action="Hover", element="  ")', 'do(action="Hover") does not say which element: add element="the ... button" (words) or element=[x,y] (0-999).'],
    ['do(action="Type", text="hello")', 'do(action="Type") does not say which field: add element="the Search box" (words) or element=[x,y] (0-999).'],
    ['do(action="Tap", element=[1,2,3])', 'do(action="Tap"): element must be [x,y] in 0-999 coordinates or the element in words, e.g. element="the Search button".'],
    ['do(action="Select", element="the Size dropdown")', 'Field "option" is required for action "select".'],
    ['do(action=, element="the Search button")', 'The do(...) call is malformed: action= has no value; write it as do(action="Tap", element="the Search button") or finish(message="...").'],
    ['do(element="the Search button")', 'The do(...) call has no action; write it as do(action="Tap", element="the Search button").'],
    ['do(action="Type", element=[1,2])', 'Field "text" is required for action "type".'],
    ['do(action="Swipe", start=[500,800])', 'do(action="Swipe") needs start=[x,y] and end=[x,y].'],
    ['do(action="Swipe", start=[5,5], end=[5,5])', 'do(action="Swipe") has the same start and end; move at least one of them.'],
    ['do(action="Launch", app="Taobao")', 'do(action="Launch") has no web equivalent; use "navigate" with a URL.'],
    ['do(action="Home")', 'do(action="Home") has no web equivalent; use "navigate" with a URL.'],
    ['do(action="Call_API", instruction="sum up")', 'do(action="Call_API") has no web equivalent; keep facts with "note" and answer with finish(message="...").'],
    ['do(action="Note", message="True")', 'do(action="Note") must carry what to keep: do(action="Note", message="...").'],
    ['do(action="Fly", element=[1,2])', 'Unknown AutoGLM action "Fly"; use one of: Tap, Double Tap, Long Press, Type, Select, Check, Hover, Scroll, Swipe, Back, Wait, Take_over, Interact, Note or finish(message="...").'],
    ['do(action="Fly", element="the Blue Shirt card")', 'Unknown AutoGLM action "Fly"; use one of: Tap, Double Tap, Long Press, Type, Select, Check, Hover, Scroll, Swipe, Back, Wait, Take_over, Interact, Note or finish(message="...").'],
    ['do(action="Tap", element=[500,300', 'The do(...) call is cut off: the list element=[500,300 never closes. Close it with "]" and end the call with ")".'],
    ['do(action="Click", element="the Add to cart button)', 'The do(...) call is cut off: the string element="the Add to cart button) never closes. Close it with " and end the call with ")".'],
    ['do(action="Click", element=「蓝色衬衫的加入购物车按钮)', 'The do(...) call is cut off: the string element=「蓝色衬衫的加入购物车按钮) never closes. Close it with 」 and end the call with ")".'],
    ['do(action="Tap", element=[1200,300])', 'Field "point" of action "click" must be [x, y] with x and y from 0 to 999.'],
    ['<answer>do(action="Type", element=[1,2], text="hel', 'The do(...) call is cut off: the string text="hel never closes. Close it with " and end the call with ")".'],
    ['do(action="Tap", element=[500,300]', 'The do(...) call is cut off: it never closes with ")". Send the whole call, e.g. do(action="Tap", element="the Search button").'],
    ['do(action="Tap", element="the Search button"', 'The do(...) call is cut off: it never closes with ")". Send the whole call, e.g. do(action="Tap", element="the Search button").'],
  ])('%s -> error', (reply, error) => {
    expect(content(reply)).toEqual({ ok: false, format: 'autoglm', error });
  });
});

describe('parseReply: never throws', () => {
  it.each([
    '{',
    '}}}{{{',
    '```json\n```',
    '<think>',
    '<answer></answer>',
    'do(',
    'finish(',
    '{"action": null}',
    '{"intent": []}',
    '[]',
    'null',
    '\u0000\uffff',
    '{"a": '.repeat(50),
  ])('%j', (reply) => {
    expect(() => content(reply)).not.toThrow();
    expect(content(reply).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { words } from '../../src/grounding/match.ts';
import { tokenize } from '../../src/grounding/normalize.ts';
import { parseTarget, type TargetQuery } from '../../src/grounding/parse.ts';
import { positionScores } from '../../src/grounding/relations.ts';
import { ground } from '../../src/grounding/resolve.ts';
import { box, candidate, expectKind, expectOk, page, text } from './grounding-data.ts';

// Descriptions written in Chinese: words split by the dictionary, role, place, ordinal and state
// words, 的 as scope, full-width punctuation, and icon words.

function first(description: string): TargetQuery {
  const [reading] = parseTarget(description);
  if (!reading) throw new Error(`no reading for ${description}`);
  return reading;
}

describe('tokenize: Chinese by the dictionary, English as before', () => {
  it.each([
    ['Add to cart', ['add', 'to', 'cart']],
    ["the user's e-mail ♡ Save", ['the', 'user', 'e', 'mail', '♡', 'save']],
    ['加入购物车', ['加入', '购物', '车']],
    ['搜索商品', ['搜索', '商品']],
    ['iPhone15手机 ♥收藏', ['iphone15', '手机', '♥', '收藏']],
    ['我已阅读并同意《用户协议》', ['我已', '阅读', '并', '同意', '用户', '协议']],
  ])('%s -> %j', (input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it('keeps characters the dictionary does not know together, so a fragment matches nothing', () => {
    expect(tokenize('扫码登录')).toEqual(['扫码', '登录']);
    expect(tokenize('获取验证码')).toEqual(['获取', '验证', '码']);
  });

  it('joins a Chinese icon word the way page text is split, for synonyms', () => {
    expect(words('加入购物车')).toEqual(['加入', '购物_车']);
    expect(words('购物车')).toEqual(['购物_车']);
  });
});

describe('parseTarget in Chinese: roles and verbs', () => {
  it.each([
    ['加入购物车按钮', ['加入', '购物', '车'], '按钮', 'button'],
    ['我的订单链接', ['我的', '订单'], '链接', 'link'],
    ['数量下拉框', ['数量'], '下拉框', 'combobox'],
    ['搜索框', ['搜索'], '框', 'searchbox'],
    ['手机号输入框', ['手机', '号'], '输入框', 'textbox'],
    ['用户协议复选框', ['用户', '协议'], '复选框', 'checkbox'],
    ['100元以下单选框', ['100', '元', '以下'], '单选框', 'radio'],
    ['密码登录选项卡', ['密码', '登录'], '选项卡', 'tab'],
    ['收藏图标', ['收藏'], '图标', 'button'],
    ['备注多行文本框', ['备注'], '多行文本框', 'textbox'],
  ])('%s -> words %j, role %s', (description, expected, phrase, role) => {
    const reading = first(description);
    expect(reading.words).toEqual(expected);
    expect(reading.role?.phrase).toBe(phrase);
    expect(reading.role?.roles).toContain(role);
  });

  it('drops the verb a planner puts first, and keeps a reading with it for names that start with one', () => {
    expect(first('点击加入购物车').words).toEqual(['加入', '购物', '车']);
    expect(first('请单击登录按钮').words).toEqual(['登录']);
    expect(parseTarget('选择文件按钮').some((reading) => reading.words.join('') === '选择文件')).toBe(true);
  });

  it('reads "在搜索框中输入" as the search box', () => {
    const reading = first('在搜索框中输入');
    expect(reading.words).toEqual(['搜索']);
    expect(reading.role?.phrase).toBe('框');
  });

  it('does not take a single-character role word out of the middle of a word', () => {
    expect(first('招商银行').role).toBeUndefined();
  });

  it('keeps the role word as a name too: a button may be called 菜单', () => {
    expect(parseTarget('菜单').some((reading) => reading.words.includes('菜单') && !reading.role)).toBe(true);
  });
});

describe('parseTarget in Chinese: quotes and full-width punctuation', () => {
  it.each([
    ['点击‘加入购物车’按钮', '加入购物车'],
    ['点击“我的订单”', '我的订单'],
    ['「登录」按钮', '登录'],
    ['『确定』按钮', '确定'],
    ['"提交"按钮', '提交'],
  ])('%s -> phrase %s', (description, phrase) => {
    expect(first(description).phrases).toEqual([phrase]);
  });

  it('reads "按钮：登录" as the button 登录, and a remark in brackets as a place', () => {
    const labelled = first('按钮：登录');
    expect(labelled.words).toEqual(['登录']);
    expect(labelled.role?.phrase).toBe('按钮');
    const remark = first('登录按钮（页面右上角）。');
    expect(remark.words).toEqual(['登录']);
    expect(remark.relations).toEqual([{ kind: 'position', anchor: 'top right corner' }]);
  });
});

describe('parseTarget in Chinese: 的 as scope, places and relations', () => {
  it('reads X的Y as Y inside X', () => {
    const reading = first('蓝色衬衫的加入购物车按钮');
    expect(reading.words).toEqual(['加入', '购物', '车']);
    expect(reading.relations).toEqual([{ kind: 'within', anchor: '蓝色衬衫', specific: true }]);
  });

  it('keeps 的 of a possessive pronoun or inside a word in the name', () => {
    expect(first('我的订单链接').relations).toEqual([]);
    expect(first('目的地输入框').words).toEqual(['目的地']);
  });

  it('reads the whole of a 的 description only as one phrase, never as loose words', () => {
    const whole = parseTarget('蓝色衬衫的加入购物车按钮').find((reading) => reading.relations.length === 0);
    expect(whole?.phrases).toEqual(['蓝色衬衫的加入购物车']);
    expect(whole?.words).toEqual([]);
  });

  it.each([
    ['蓝色衬衫卡片中的收藏按钮', { kind: 'within', anchor: '蓝色衬衫', specific: true }],
    ['在限时特惠中的加入购物车按钮', { kind: 'within', anchor: '限时特惠', specific: true }],
    ['其他登录方式里的QQ图标', { kind: 'within', anchor: '其他登录方式', specific: true }],
    ['登录按钮下面的忘记密码链接', { kind: 'below', anchor: '登录', specific: true }],
    ['搜索框上方的链接', { kind: 'above', anchor: '搜索', specific: true }],
    ['黑色T恤旁边的收藏按钮', { kind: 'near', anchor: '黑色T恤', specific: true }],
    ['预约牙医右侧的编辑按钮', { kind: 'right-of', anchor: '预约牙医', specific: true }],
    ['价格左边的复选框', { kind: 'left-of', anchor: '价格', specific: true }],
  ])('%s -> %j', (description, relation) => {
    expect(first(description).relations).toEqual([relation]);
  });

  it.each([
    ['页面顶部的搜索框', 'top'],
    ['底部的订阅按钮', 'bottom'],
    ['右上角的关闭按钮', 'top right corner'],
    ['左上角的返回按钮', 'top left corner'],
    ['中间的按钮', 'middle'],
  ])('%s -> position %s', (description, where) => {
    expect(first(description).relations).toEqual([{ kind: 'position', anchor: where }]);
  });

  it.each([
    ['导航栏中的男装链接', ['navigation']],
    ['弹窗中的确定按钮', ['dialog']],
    ['页脚的邮箱输入框', ['contentinfo']],
    ['筛选栏里的黑色复选框', ['complementary']],
  ])('%s -> scopes %j', (description, scopes) => {
    expect(first(description).scopes).toEqual(scopes);
  });
});

describe('parseTarget in Chinese: ordinals and states', () => {
  it.each([
    ['第二个加入购物车按钮', 2],
    ['第3个删除按钮', 3],
    ['第十二个链接', 12],
    ['最后一个加入购物车按钮', -1],
    ['倒数第二个删除按钮', -2],
  ])('%s -> ordinal %d', (description, ordinal) => {
    expect(first(description).ordinal).toBe(ordinal);
  });

  it.each([
    ['第二个商品的收藏图标', 'product', 2],
    ['第4个商品的加入购物车按钮', 'product', 4],
    ['最后一项的删除按钮', 'item', -1],
    ['第二行的删除按钮', 'row', 2],
    ['倒数第二个待办的删除按钮', 'item', -2],
  ])('%s -> the %s numbered %d', (description, anchor, ordinal) => {
    expect(first(description).relations).toEqual([{ kind: 'nth', anchor, ordinal }]);
  });

  it('reads "待办事项列表中最后一项的删除按钮" as the list, its last item, and the delete button there', () => {
    const reading = first('待办事项列表中最后一项的删除按钮');
    expect(reading.words).toEqual(['删除']);
    expect(reading.scopes).toEqual(['list', 'listbox']);
    expect(reading.relations).toContainEqual({ kind: 'nth', anchor: 'item', ordinal: -1 });
  });

  it('reads "加入购物车按钮中的第二个" as the second of those buttons', () => {
    const reading = first('加入购物车按钮中的第二个');
    expect(reading.words).toEqual(['加入', '购物', '车']);
    expect(reading.ordinal).toBe(2);
  });

  it.each([
    ['已勾选的复选框', 'checked'],
    ['未勾选的复选框', 'unchecked'],
    ['禁用的按钮', 'disabled'],
    ['出错的输入框', 'invalid'],
  ])('%s -> state %s', (description, state) => {
    expect(first(description).states).toEqual([state]);
  });

  it('keeps a name that looks like a state: the tab 已完成', () => {
    expect(first('已完成标签').words).toEqual(['已', '完成']);
    expect(first('已完成标签').states).toEqual([]);
  });

  it('reads mixed descriptions by their English structure too', () => {
    expect(parseTarget('the 登录 button').some((reading) => reading.role?.phrase === 'button' && reading.words.join() === '登录')).toBe(true);
    const card = parseTarget('the 加入购物车 button of the 蓝色衬衫 card').find((reading) => reading.relations.length > 0);
    expect(card?.relations).toEqual([{ kind: 'within', anchor: '蓝色衬衫', specific: true }]);
  });
});

describe('ground in Chinese', () => {
  const trivial = page([
    candidate({ index: 0, role: 'textbox', tag: 'input', placeholder: '搜索商品', states: { editable: true, empty: true }, box: box(0, 0) }),
    candidate({ index: 1, role: 'link', tag: 'a', name: '我的订单', text: '我的订单', box: box(140, 0) }),
    candidate({ index: 2, role: 'combobox', tag: 'select', name: '数量', label: '数量', text: '1 2 3', box: box(280, 0) }),
    candidate({ index: 3, name: '加入购物车', text: '加入购物车', box: box(420, 0) }),
  ]);

  it.each([
    ['购物车', undefined, 3],
    ['加入购物车按钮', undefined, 3],
    ['点击加入购物车', undefined, 3],
    ['搜索框', 'type', 0],
    ['我的订单链接', undefined, 1],
    ['数量下拉框', 'select', 2],
  ] as const)('%s on a page with 加入购物车, 搜索商品, 我的订单 and 数量', (target, action, index) => {
    expect(expectOk(ground(trivial, { target, action })).chosen.candidate.index).toBe(index);
  });

  it('says not-found for a control the page does not have', () => {
    expectKind(ground(trivial, { target: '结算按钮' }), 'not-found');
    expectKind(ground(trivial, { target: '扫码按钮' }), 'not-found');
  });

  it('matches icon words to glyphs, below a visible word', () => {
    const icons = page([
      candidate({ index: 0, name: '☆', text: '☆', box: box(0, 0) }),
      candidate({ index: 1, name: '×', text: '×', box: box(100, 0) }),
      candidate({ index: 2, name: '⋯', text: '⋯', box: box(200, 0) }),
      candidate({ index: 3, name: '🔍', text: '🔍', box: box(300, 0) }),
    ]);
    expect(expectOk(ground(icons, { target: '收藏图标' })).chosen.candidate.index).toBe(0);
    expect(expectOk(ground(icons, { target: '删除按钮' })).chosen.candidate.index).toBe(1);
    expect(expectOk(ground(icons, { target: '关闭' })).chosen.candidate.index).toBe(1);
    expect(expectOk(ground(icons, { target: '更多按钮' })).chosen.candidate.index).toBe(2);
    expect(expectOk(ground(icons, { target: '搜索图标' })).chosen.candidate.index).toBe(3);
    const worded = page([candidate({ index: 0, name: '☆', text: '☆' }), candidate({ index: 1, name: '收藏', text: '收藏', box: box(0, 40) })]);
    expect(expectOk(ground(worded, { target: '收藏按钮' })).chosen.candidate.index).toBe(1);
  });

  // Two product cards (articles 10 and 20), each with a title link and buttons.
  function cards(withBlueButton: boolean) {
    const inCard = (id: number) => ({ ancestors: [id + 1, id, 1], scopes: ['article'], scopeIds: [id] });
    const list = [
      candidate({ index: 0, role: 'link', tag: 'a', name: '蓝色衬衫', text: '蓝色衬衫', box: box(0, 0), ...inCard(10) }),
      candidate({ index: 1, name: '☆', text: '☆', box: box(100, 0), ...inCard(10) }),
      candidate({ index: 2, role: 'link', tag: 'a', name: '红色衬衫', text: '红色衬衫', box: box(300, 0), ...inCard(20) }),
      candidate({ index: 3, name: '☆', text: '☆', box: box(400, 0), ...inCard(20) }),
      candidate({ index: 4, name: '加入购物车', text: '加入购物车', box: box(300, 60), ...inCard(20) }),
    ];
    if (withBlueButton) list.push(candidate({ index: 5, name: '加入购物车', text: '加入购物车', box: box(0, 60), ...inCard(10) }));
    return { ...page(list, [text('蓝色衬衫', 11, [10, 1], box(0, 0)), text('红色衬衫', 21, [20, 1], box(300, 0))]), units: [10, 20] };
  }

  it('finds the button of the card that 的 names', () => {
    expect(expectOk(ground(cards(true), { target: '蓝色衬衫的加入购物车按钮' })).chosen.candidate.index).toBe(5);
    expect(expectOk(ground(cards(true), { target: '红色衬衫的收藏图标' })).chosen.candidate.index).toBe(3);
  });

  it('answers not-found, never the next card, when the named card holds no such button', () => {
    const result = expectKind(ground(cards(false), { target: '蓝色衬衫的加入购物车按钮' }), 'not-found');
    expect(result.message).toContain('蓝色衬衫');
  });

  it('prefers the middle one of a row of buttons for 中间的', () => {
    const row = [0, 1, 2].map((i) => candidate({ index: i, box: box(i * 200, 0) }));
    const scores = positionScores('middle', row);
    expect(scores.get(1)).toBe(1);
    expect(scores.get(0)).toBeLessThan(0.6);
    expect(scores.get(2)).toBeLessThan(0.6);
  });
});

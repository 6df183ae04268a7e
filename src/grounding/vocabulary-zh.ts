import { clickableRoles, type RoleWord, type StateWord } from './vocabulary.ts';

// The Chinese words people and models use for roles, places, states and icons, mapped to the
// same roles, scopes and meanings as the English ones in vocabulary.ts.

function word(phrase: string, roles: string[], near: string[] = [], tags?: string[]): RoleWord {
  const entry: RoleWord = { phrase, roles, near };
  if (tags) entry.tags = tags;
  return entry;
}

const field = ['textbox', 'searchbox', 'combobox', 'spinbutton'];
const choice = ['combobox', 'listbox'];
const menuItems = ['menuitem', 'menuitemcheckbox', 'menuitemradio'];

/** Role words, matched at the end of a description ("加入购物车按钮"); longer ones first. */
export const chineseRoleWords: RoleWord[] = [
  word('多行文本框', ['textbox'], ['searchbox', 'combobox'], ['textarea']),
  word('多行输入框', ['textbox'], ['searchbox', 'combobox'], ['textarea']),
  word('文本区域', ['textbox'], ['searchbox', 'combobox'], ['textarea']),
  word('文本域', ['textbox'], ['searchbox', 'combobox'], ['textarea']),
  word('输入框', field, ['slider']),
  word('输入栏', field, ['slider']),
  word('输入区', field, ['slider']),
  word('文本框', ['textbox', 'searchbox'], ['combobox', 'spinbutton']),
  word('编辑框', ['textbox', 'searchbox'], ['combobox', 'spinbutton']),
  word('字段', field, ['slider', 'listbox']),
  word('下拉选择框', choice, ['button']),
  word('下拉框', choice, ['button']),
  word('下拉菜单', choice, ['button']),
  word('下拉列表', choice, ['button']),
  word('下拉选项', choice, ['button']),
  word('选择框', choice, ['button']),
  word('选择器', [...choice, 'button'], ['textbox']),
  word('复选框', ['checkbox'], ['switch', 'menuitemcheckbox']),
  word('勾选框', ['checkbox'], ['switch', 'menuitemcheckbox']),
  word('多选框', ['checkbox'], ['switch', 'menuitemcheckbox']),
  word('单选按钮', ['radio'], ['menuitemradio', 'option']),
  word('单选框', ['radio'], ['menuitemradio', 'option']),
  word('单选项', ['radio'], ['menuitemradio', 'option']),
  word('开关', ['switch'], ['checkbox', 'button', 'menuitemcheckbox']),
  word('滑块', ['slider'], ['spinbutton']),
  word('标签页', ['tab'], ['button', 'link']),
  word('选项卡', ['tab'], ['button', 'link']),
  word('页签', ['tab'], ['button', 'link']),
  word('标签', ['tab'], ['button', 'link']),
  word('菜单项', menuItems, ['button', 'link', 'option']),
  word('菜单', ['menuitem', 'button'], ['link', 'combobox']),
  word('列表项', ['listitem', 'option', 'menuitem', 'treeitem', 'link', 'button'], clickableRoles),
  word('选项', ['option', 'radio', 'menuitemradio'], ['menuitem', 'button', 'checkbox']),
  word('图标', ['button', 'link', 'clickable'], clickableRoles),
  word('图片', ['link', 'button', 'clickable'], clickableRoles),
  word('卡片', ['link', 'button', 'clickable'], clickableRoles),
  word('超链接', ['link'], clickableRoles),
  word('链接', ['link'], clickableRoles),
  word('按钮', ['button'], clickableRoles),
  word('按键', ['button'], clickableRoles),
  word('单元格', ['cell', 'gridcell'], []),
  word('行', ['row'], []),
  // "搜索框", "搜索栏": the box is the role, 搜索 stays a word of the name, as in "search box".
  word('框', ['textbox', 'searchbox', 'combobox'], ['checkbox', 'spinbutton', 'listbox']),
  word('栏', ['textbox', 'searchbox', 'combobox'], ['toolbar', 'menubar']),
].sort((a, b) => b.phrase.length - a.phrase.length);

/** Places a modifier can name, mapped to the scopes of vocabulary.scopeWords. */
export const chineseScopeWords: Record<string, string[]> = {
  页头: ['banner'], 页眉: ['banner'], 头部: ['banner'], 顶栏: ['banner'], 顶部栏: ['banner'],
  导航栏: ['navigation'], 导航: ['navigation'], 导航菜单: ['navigation'], 顶部导航: ['navigation', 'banner'], 顶部导航栏: ['navigation', 'banner'],
  侧边栏: ['complementary', 'navigation'], 侧栏: ['complementary', 'navigation'], 边栏: ['complementary', 'navigation'], 筛选栏: ['complementary'],
  主内容: ['main'], 主体: ['main'], 正文: ['main'], 主要内容: ['main'],
  页脚: ['contentinfo'], 页尾: ['contentinfo'], 底栏: ['contentinfo'],
  弹窗: ['dialog'], 弹框: ['dialog'], 弹出框: ['dialog'], 对话框: ['dialog'], 模态框: ['dialog'], 浮层: ['dialog'], 弹层: ['dialog'],
  表单: ['form'],
  菜单: ['menu', 'menubar'], 子菜单: ['menu'],
  工具栏: ['toolbar'],
  表格: ['table', 'grid'],
  列表: ['list', 'listbox'],
  日历: ['grid', 'dialog'],
  提示: ['status', 'alert'], 通知: ['status', 'alert'],
  面板: ['tabpanel', 'region', 'dialog'],
};

/** Containers a modifier names with a name before them: "蓝色衬衫卡片", "张三那一行". */
export const chineseContainerWords = ['卡片', '那一行', '这一行', '一行', '行', '区域', '区', '部分', '板块', '模块', '分组', '栏目', '一栏', '项', '条目', '商品', '帖子', '动态', '评论', '选项卡', '标签页', '面板'];

/** The kind of container an ordinal counts ("第二个商品", "最后一行"), as relations.ts names them. */
export const chineseCountedContainers: Record<string, string> = {
  商品: 'product', 产品: 'product', 宝贝: 'product', 款: 'product',
  卡片: 'card',
  行: 'row', 记录: 'row',
  帖子: 'post', 动态: 'post', 文章: 'post', 评论: 'post',
  结果: 'result', 搜索结果: 'result',
  项: 'item', 条: 'item', 条目: 'item', 项目: 'item', 待办: 'item', 待办事项: 'item', 事项: 'item', 任务: 'item', 个: 'item',
};

/** Classifiers between an ordinal and its noun: 第二"个"商品, 最后一"项". */
export const chineseClassifiers = ['个', '项', '行', '条', '张', '件', '款', '篇', '位', '列', '组', '款'];

/** Words before 的 that say what state the element is in: "已勾选的复选框". */
export const chineseStateWords: Record<string, StateWord> = {
  已勾选: 'checked', 已选中: 'checked', 选中: 'checked', 勾选: 'checked', 被选中: 'checked', 打开: 'checked', 已打开: 'checked', 已开启: 'checked', 开启: 'checked',
  未勾选: 'unchecked', 未选中: 'unchecked', 没勾选: 'unchecked', 没有勾选: 'unchecked', 关闭状态: 'unchecked', 未开启: 'unchecked',
  禁用: 'disabled', 已禁用: 'disabled', 不可用: 'disabled', 灰色: 'disabled', 置灰: 'disabled', 不可点击: 'disabled',
  可用: 'enabled', 可点击: 'enabled',
  空: 'empty', 空白: 'empty', 空着: 'empty', 未填写: 'empty',
  已填写: 'filled',
  必填: 'required',
  展开: 'expanded', 已展开: 'expanded',
  折叠: 'collapsed', 收起: 'collapsed', 已折叠: 'collapsed',
  错误: 'invalid', 出错: 'invalid', 报错: 'invalid',
};

/** Positions on the page a modifier can name ("页面顶部的", "右上角的"), in the words relations.ts reads. */
export const chinesePositions: Record<string, string> = {
  顶部: 'top', 顶端: 'top', 上方: 'top', 最上方: 'top', 最上面: 'top', 上部: 'top', 最上边: 'top',
  底部: 'bottom', 底端: 'bottom', 下方: 'bottom', 最下方: 'bottom', 最下面: 'bottom', 下部: 'bottom', 最下边: 'bottom',
  左上角: 'top left corner', 右上角: 'top right corner', 左下角: 'bottom left corner', 右下角: 'bottom right corner',
  左侧: 'left', 左边: 'left', 最左边: 'left', 最左侧: 'left',
  右侧: 'right', 右边: 'right', 最右边: 'right', 最右侧: 'right',
  中间: 'middle', 中央: 'middle', 正中间: 'middle', 中部: 'middle',
};

/** Modifiers that say nothing about which element is meant. */
export const chineseGenericPlaces = new Set(['页面', '当前页面', '网页', '屏幕', '窗口', '这里', '此处', '这个', '那个', '上面', '页面上', '当前页']);

/** Verbs a planner puts before the element ("点击加入购物车"): they are not part of its name. */
export const chineseLeadingVerbs = ['请点击', '请单击', '请选择', '请输入', '请勾选', '点击一下', '点一下', '点击', '单击', '双击', '点按', '轻点', '轻触', '按下', '选择', '选中', '勾选', '取消勾选', '取消选中', '输入', '填写', '填入', '键入', '打开', '进入', '前往', '切换到', '切换至', '跳转到', '查看', '展开', '找到', '定位到', '悬停在', '鼠标悬停在', '移到', '滚动到', '请'];

/** Words a model may use for what the page labels otherwise, each group one meaning: icons and glyphs in Chinese. */
export const chineseSynonymGroups: string[][] = [
  ['关闭', '关掉', '叉', 'close', 'dismiss', 'x', '×', '✕'],
  ['删除', '删掉', '移除', '去掉', 'delete', 'remove', '×', '✕', '🗑'],
  ['收藏', '加入收藏', '星标', 'star', '☆', '★', 'favorite', 'favourite', 'bookmark'],
  ['点赞', '赞', '喜欢', 'like', '♥', '♡', '❤'],
  ['更多', '更多操作', 'more', '⋯', '…', '...'],
  ['菜单', 'menu', '☰', 'hamburger'],
  ['搜索', '查找', '搜', 'search', '🔍'],
  ['购物车', 'cart', 'basket', '🛒'],
  ['设置', 'settings', '⚙'],
  ['编辑', '修改', 'edit', '✎'],
  ['登录', '登陆', 'login', 'log in', 'sign in'],
  ['退出登录', '退出', '注销', 'logout', 'log out', 'sign out'],
  ['注册', 'signup', 'sign up', 'register'],
  ['下一页', 'next', 'next page', '›', '»'],
  ['上一页', 'previous', 'previous page', '‹', '«'],
  ['手机号', '手机号码', '手机', '电话', 'phone', 'mobile'],
  ['数量', '件数', 'quantity', 'qty'],
  ['确定', '确认', '好的', 'ok', 'confirm'],
  ['取消', 'cancel'],
  ['提交', 'submit'],
  ['结算', '去结算', 'checkout'],
];

// The simplified Chinese text of every warning, key for key with warning-templates-en.ts.
// Terms follow the renderer's catalog: 净值 (NAV), 脱锚 (depeg), 罚没 (slashing), 运营商 (operator),
// 运营商集合 (operator set), 再质押平台 (venue), 提款队列 (withdrawal queue); AVS and magnitude stay as they are.
import type { ReadListParams } from './warning-params';
import { listedReads } from './warning-params';
import type { WarningTemplate, WarningTemplates } from './warning-template';
import { pct } from './warning-template';

const chainName = (p: { readonly chainId: number; readonly chain?: string }): string => p.chain ?? `链 ${p.chainId}`;
const readList = (p: ReadListParams): string =>
  listedReads(p).map((r) => (r.wallet === null ? r.read : `${r.wallet} 的 ${r.read}`)).join('、') + (p.more > 0 ? `，以及另外 ${p.more} 项` : '');

const DIMENSION = { protocol: '协议', venue: '再质押平台', operator: '运营商' } as const;

const concentration = (dimension: keyof typeof DIMENSION): WarningTemplate<'concentration-protocol'> => ({
  title: (p) => `你 ${pct(p.share)} 的 ETH 依赖于同一个${DIMENSION[dimension]}：${p.label}`,
  explanation: (p) => `${p.label} 占你全部 ${p.totalEth} ETH 中的 ${p.valueEth} ETH。一旦它出问题（漏洞、治理失误或罚没），这部分会同时受到影响。`,
  action: (p) => `把再质押的 ETH 分散到多个${DIMENSION[dimension]}，使任何一个的占比都不超过 ${pct(p.threshold)}。`,
});

const hhi = (dimension: 'protocol' | 'operator'): WarningTemplate<'concentration-hhi-protocol'> => ({
  title: (p) => `你的${DIMENSION[dimension]}敞口过于集中（HHI ${p.hhi.toFixed(2)}）`,
  explanation: (p) => `按${DIMENSION[dimension]}划分，你的敞口的赫芬达尔指数（HHI）为 ${p.hhi.toFixed(2)}（1 表示全部集中在一个上；反垄断实践中 0.25 及以上即视为高度集中）。`,
  action: () => `增加对其他${DIMENSION[dimension]}的敞口，以降低该指数。`,
});

const overdue = (source: string): WarningTemplate<'redemption-overdue'> => ({
  title: (p) => `${p.protocol} 赎回请求 #${p.request} 已超过预期延迟`,
  explanation: (p) => `该请求已等待 ${p.waitedDays} 天，超过了${source}的预期延迟 ${p.expectedDays} 天；`
    + '队列一旦停止处理，危机中资金就会滞留在那里。',
  action: (p) => `请查看 ${p.protocol} 的状态页面和公告；该请求仍归你所有，但其退出进度已停滞。`,
});

export const warningTemplatesZhCn: WarningTemplates = {
  'depeg': {
    title: (p) => `${p.symbol} 市价较净值折价 ${pct(p.discount)}`,
    explanation: (p) => `市场上一枚 ${p.symbol} 的价格为 ${p.marketEth} ETH，而协议对其估值为 ${p.navEth} ETH（净值）。`
      + '现在卖出会损失其中的差价；折价不断扩大，往往是市场开始怀疑该协议的第一个信号。',
    action: (p) => `如果可以等待，请避免折价卖出：通过 ${p.protocol ?? '该协议'} 的提款队列按净值赎回${p.exitDays === undefined ? '' : `（约 ${p.exitDays.toFixed(1)} 天）`}。`
      + '请关注协议公告；如果你把它用作抵押品，请检查它还能下跌多少才会触发清算。',
  },
  'nav-drop': {
    title: (p) => `${p.symbol} 的净值下跌了 ${pct(p.drop)}`,
    explanation: (p) => `自上次刷新以来，协议自身对一枚 ${p.symbol} 的估值从 ${p.previousEth} ETH 降至 ${p.currentEth} ETH。`
      + '再质押代币的净值通常只会随奖励上升；下跌意味着协议损失了 ETH（罚没、策略亏损或会计调整）。',
    action: () => '在追加仓位之前，先查找协议解释此次损失的公告；并重新评估该协议的风险是否仍适合你。',
  },
  'concentration-protocol': concentration('protocol'),
  'concentration-venue': concentration('venue'),
  'concentration-operator': concentration('operator'),
  'concentration-avs': {
    title: (p) => `你 ${pct(p.share)} 的 ETH 可被同一个 AVS 罚没：${p.label}`,
    explanation: (p) => `${p.label} 占你全部 ${p.totalEth} ETH 中的 ${p.valueEth} ETH。一旦它出问题（漏洞、治理失误或罚没），这部分会同时受到影响。`,
    action: (p) => `把再质押的 ETH 分散到服务不同 AVS 的多个运营商，使任何一个的占比都不超过 ${pct(p.threshold)}。`,
  },
  'concentration-hhi-protocol': hhi('protocol'),
  'concentration-hhi-operator': hhi('operator'),
  'slashable-exposure': {
    title: (p) => `你 ${pct(p.share)} 的 ETH 可能被罚没`,
    explanation: (p) => `你（直接或通过 LRT）委托的运营商已把质押分配给可以罚没它的运营商集合。如果这些集合全部按上限罚没，你将损失 ${p.worstCaseEth} ETH。`,
    action: () => '查看哪些运营商集合占比最大（持仓视图：展开持仓即可看到其运营商集合）；优先选择分配比例较低的运营商，或把部分 ETH 撤出再质押。',
  },
  'nominal-security': {
    title: (p) => `你已委托的 ETH 中有 ${pct(p.share)} 没有为任何可罚没的服务提供担保`,
    explanation: (p) => `${p.nominalEth} ETH 已委托给运营商，但未分配给任何运营商集合：它不会被罚没，但也没有为任何服务提供安全保障，因此它获得的再质押奖励只建立在名义安全之上，可能会减少。`,
    action: () => '就安全而言无需操作；比较收益时，请对来自名义委托的奖励打个折扣。',
  },
  'operator-slashed': {
    title: (p) => `运营商 ${p.operator} 已被罚没（其质押的 ${pct(p.cut)}）`,
    explanation: (p) => `其最大 magnitude 已低于 1e18：运营商集合罚没了委托给它的质押的 ${pct(p.cut)}。你有 ${p.exposureEth} ETH（直接或通过 LRT）委托给它，其可提取价值已经减少。`,
    action: () => '查明它被罚没的原因；考虑解除委托（原生再质押），或退出委托给它的 LRT。',
  },
  'operator-tiny-magnitude': {
    title: (p) => `运营商 ${p.operator} 几乎已没有可罚没的质押`,
    explanation: (p) => `其最大 magnitude 仅为初始值的 ${p.maxMagnitude.toPrecision(3)}：它几乎已被完全罚没。委托给它的质押几乎一文不值，新的存入会被舍入为几乎为零的份额。`,
    action: () => '不要向该运营商存入或委托；请解除委托并提取剩余部分。',
  },
  'restaking-leverage-sets': {
    title: (p) => `运营商 ${p.operator} 用同一份质押为 ${p.sets} 个运营商集合提供担保`,
    explanation: (p) => `你委托给它的质押（${p.exposureEth} ETH）被分配给了 ${p.sets} 个运营商集合。每个集合都可以罚没自己的份额，因此同一份质押要为多项服务承担责任。`,
    action: () => '优先选择服务 AVS 较少的运营商，或确认你充分了解每个 AVS 的罚没条件。',
  },
  'restaking-leverage-magnitude': {
    title: (p) => `运营商 ${p.operator} 已分配其质押的 ${pct(p.magnitudeSum)}`,
    explanation: (p) => `它的运营商集合合计可以罚没委托给它的质押的 ${pct(p.magnitudeSum)}，其中包括你的 ${p.exposureEth} ETH。`,
    action: () => '优先选择保留部分未分配质押的运营商，或减少对该运营商的敞口。',
  },
  'exit-mismatch': {
    title: (p) => `你 ${pct(p.share)} 的 ETH 需要超过 ${p.horizonDays} 天才能按净值退出`,
    explanation: (p) => `${p.beyondEth} ETH 只能通过长于你的 ${p.horizonDays} 天期限（或时长未知）的队列按全额价值换回 ETH。更快卖出就要接受市场折价，而折价在危机中会扩大。`,
    action: () => '把近期可能要用的部分放在退出期短的资产中，或提前发起赎回。',
  },
  'liquidity-locked': {
    title: (p) => `你 ${pct(p.share)} 的 ETH 正在提款队列中等待`,
    explanation: (p) => `${p.lockedEth} ETH 处于提款或赎回队列中，在完成之前无法使用。`,
    action: () => '在“提款”页查看每笔何时可以领取；避免发起不需要的新提款。',
  },
  'withdrawal-claimable': {
    title: (p) => `一笔 ${p.amountEth === undefined ? p.symbol : `${p.amountEth} ETH`} 的提款可以完成了`,
    explanation: (p) => `由 ${p.wallet} 发起的 EigenLayer 提款已在区块 ${p.block ?? '?'} 度过延迟期；等待期间它没有收益，也不处于再质押状态。`,
    action: () => '请从发起该提款的钱包完成提款（completeQueuedWithdrawal）。',
  },
  'token-paused': {
    title: (p) => `${p.symbol} 已暂停`,
    explanation: (p) => `${p.symbol} 合约报告处于暂停状态：在其管理方恢复之前，转账、存入或提款可能被阻止。`,
    action: () => '目前不要指望通过协议退出；请关注其公告。',
  },
  'chain-unreachable': {
    title: (p) => `无法读取 ${chainName(p)}`,
    explanation: (p) => `本次刷新中 ${chainName(p)} 的节点均未响应。其数据为最近一次成功读取的结果（如有）。`,
    action: () => '请检查网络连接，或在“设置”中为该链添加一个可用的 RPC 节点。',
  },
  'stale-data': {
    title: (p) => `${chainName(p)} 的数据已过去 ${Math.round(p.ageSeconds / 60)} 分钟`,
    explanation: (p) => `从 ${chainName(p)} 读取的最新区块已是 ${p.ageSeconds} 秒前的：节点可能滞后，价格和余额可能已经过时。`,
    action: () => '请在“设置”中检查该节点，或再添加一个。',
  },
  'failed-reads': {
    title: (p) => `${chainName(p)} 上有 ${p.count} 次读取失败`,
    explanation: (p) => `以下读取失败：${readList(p)}。依赖它们的持仓保留最近已知的数值（或标记为不完整），绝不会按零计算。`,
    action: () => '通常是暂时的；如果持续出现，请在“设置”中检查 RPC 节点。',
  },
  'failed-reads-not-held': {
    title: (p) => `${chainName(p)} 上有 ${p.count} 次读取失败（涉及你未持有的代币）`,
    explanation: (p) => `以下读取失败：${readList(p)}。你的持仓均不依赖于它们。`,
    action: () => '你的投资组合无需操作；如果持续出现，可能是节点或注册表条目已过时。',
  },
  'redemption-claimable': {
    title: (p) => `${p.protocol} 赎回请求 #${p.request} 可以领取：${p.amount} ${p.asset}`,
    explanation: (p) => `${p.protocol} 队列已处理 ${p.owner} 的请求；领取之前它不产生任何收益。`,
    action: (p) => `请在 ${p.protocol} 的应用中用 ${p.owner} 领取（队列 ${p.queue}）。`,
  },
  'redemption-overdue': overdue('链上读取'),
  'redemption-overdue-documented': overdue('文档记载（无链上读取接口）'),
};

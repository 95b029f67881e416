import { hasMessage, registerMessages, translate, type Locale } from '../../platform/i18n/i18n.js';

/*
 * The words of each message type: `inbox.<type>.title` and `.body`, with {subject} (a need's title
 * and number, subjectWords) and the type's own params; the Chinese words put no spaces around a
 * need, as Chinese brackets take none. A module sending a new type registers its words the same way;
 * a type without words is shown as a plain "new message" rather than a code. The SMS text of a
 * type (`notify.inbox.<type>`, platform/notify) is its body behind the sender's signature.
 */
type Words = Record<string, [title: string, body: string]>;

const zh: Words = {
  'needs.submitted': ['新的居民需求', '辖区内有新的需求{subject}，请及时核实受理。'],
  'needs.verifying': ['需求核实中', '您的需求{subject}正在核实中。'],
  'needs.accepted': ['需求已受理', '您的需求{subject}已受理，我们会尽快安排服务。'],
  'needs.rejected': ['需求未受理', '您的需求{subject}未被受理，原因请查看详情。'],
  'needs.merged': ['需求已合并', '您的需求{subject}与相同的需求合并办理，进展请查看详情。'],
  'needs.teamDispatched': ['新派单', '需求{subject}已派给您的服务队，请及时接单。'],
  'needs.dispatched': ['需求已派单', '您的需求{subject}已派给「{teamName}」。'],
  'needs.pooled': ['需求待志愿者领取', '您的需求{subject}已发布给附近的志愿者。'],
  'needs.taken': ['服务队已接单', '您的需求{subject}已有服务队接单。'],
  'needs.rulingNeeded': ['需要街道审定', '需求{subject}已被服务队两次退回，请审定承接队伍。'],
  'needs.declined': ['服务队退单', '需求{subject}被服务队退回，请重新派单。'],
  'needs.assigned': ['新任务', '队长给您分配了任务{subject}，请按时上门服务。'],
  'needs.claimed': ['志愿者已领单', '您的需求{subject}已有志愿者领取。'],
  'needs.inService': ['服务开始', '志愿者已到达，您的需求{subject}服务中。'],
  'needs.completed': ['服务已完成', '您的需求{subject}已完成服务，请为本次服务评价。'],
  'needs.rated': ['收到评价', '任务{subject}收到居民 {rating} 星评价。'],
  'needs.taskReopened': ['任务需重办', '任务{subject}评价未通过，将重新派单办理。'],
  'needs.redo': ['需求需重办', '需求{subject}居民不满意，请重新派单。'],
  'needs.reopened': ['需求重办', '您的需求{subject}将重新安排服务。'],
  'needs.closed': ['需求已办结', '您的需求{subject}已办结，感谢您的参与。'],
  'needs.taskCancelled': ['任务已撤销', '任务{subject}已撤销，无需再上门服务。'],
  'needs.cancelled': ['需求已撤销', '您的需求{subject}已撤销。'],
  'needs.escalated': ['需求已吹哨', '您的需求{subject}已上报街道协调办理。'],
  'needs.replied': ['社区答复', '社区答复了您的需求{subject}，请查看详情。'],
  'deadline.warn50': ['办理时限过半', '{subject}的办理时限已过半，请抓紧办理。'],
  'deadline.warn80': ['即将超时', '{subject}的办理时限已过 80%，请尽快办结。'],
  'deadline.overdue': ['已超时', '{subject}已超过办理时限，请立即办理。'],
  'oversight.pauseAsked': ['挂起待审批', '{subject}申请挂起（暂停计时），请审批。'],
  'oversight.extensionAsked': ['延期待审批', '{subject}申请延长办理期限，请审批。'],
  'oversight.pauseApproved': ['挂起已批准', '{subject}的挂起申请已批准，暂停计时。'],
  'oversight.pauseRefused': ['挂起未批准', '{subject}的挂起申请未获批准，请按原期限办理。'],
  'oversight.extensionApproved': ['延期已批准', '{subject}的延期申请已批准，请按新期限办理。'],
  'oversight.extensionRefused': ['延期未批准', '{subject}的延期申请未获批准，请按原期限办理。'],
  'oversight.resumed': ['恢复计时', '{subject}已恢复计时，办理期限已顺延。'],
  'oversight.supervised': ['督办提醒', '{subject}有新的督办记录，请查看并抓紧办理。'],
  'whistle.opened': ['吹哨报到', '{subject}已吹哨至街道，请召集相关部门和单位报到办理。'],
  'whistle.called': ['吹哨召集', '{streetName}就{subject}吹哨，召集「{unitName}」报到，请及时报到并记录办理情况。'],
  'whistle.reported': ['单位已报到', '「{unitName}」已就{subject}报到。'],
  'whistle.closed': ['吹哨报到已结束', '{subject}的吹哨报到已由街道结束，感谢参与。'],
  'webhooks.disabled': ['推送地址已自动停用', '推送地址「{subject}」连续 {failures} 次推送失败，已自动停用。请检查接收方后在“接口推送”中重新启用，并重新推送失败的记录。'],
  'activities.cancelled': ['活动已取消', '您报名的活动「{subject}」（{startsAt}）已取消，原因请查看详情。'],
  'activities.promoted': ['候补成功', '您已由候补转为正式报名：活动「{subject}」，{startsAt}，地点：{place}。'],
  'activities.reminder': ['活动即将开始', '您报名的活动「{subject}」将于 {startsAt} 开始，地点：{place}。请准时到场扫码签到。'],
  'teams.madeLeader': ['您已成为队长', '您已被任命为「{subject}」的队长，可在“我的服务队”中处理入队申请。'],
  'teams.joinRequested': ['新的入队申请', '{name} 申请加入「{subject}」，请及时处理。'],
  'teams.requestAccepted': ['入队申请已通过', '您已加入「{subject}」，欢迎！'],
  'teams.requestRefused': ['入队申请未通过', '您加入「{subject}」的申请未通过，原因：{reason}'],
  'teams.added': ['已加入服务队', '您已被加入「{subject}」。'],
  'teams.removed': ['已移出服务队', '您已被移出「{subject}」。'],
  'teams.memberLeft': ['队员退队', '{name} 已退出「{subject}」。'],
  'teams.dissolved': ['服务队已解散', '「{subject}」已解散，感谢您的服务。'],
  'posts.assigned': ['岗位安排', '社区安排您上岗「{subject}」，详情请查看我的岗位。'],
  'posts.removed': ['岗位调整', '您已不再担任岗位「{subject}」，原因：{reason}'],
  'care.paired': ['结对安排', '社区安排您与{subject}结对帮扶，服务需求请在“我的结对”中查看。'],
  'care.urgent': ['走访发现紧急情况', '{visitor}走访{subject}时发现紧急情况：{summary}'],
  'volunteers.applied': ['新的志愿者申请', '{subject} 申请成为志愿者，请审核。'],
  'volunteers.approved': ['志愿者申请已通过', '您已成为注册志愿者，编号 {number}，可在“我的”中查看志愿者证。'],
  'volunteers.refused': ['志愿者申请未通过', '您的志愿者申请未通过，原因：{reason}。您可以修改后重新申请。'],
  'volunteers.suspended': ['志愿服务已暂停', '您的志愿服务已暂停（编号 {subject}），原因：{reason}。如有异议可以申诉。'],
  'volunteers.reinstated': ['志愿服务已恢复', '您的志愿服务已恢复（编号 {subject}），欢迎继续参与。'],
  'volunteers.left': ['已退出志愿者', '您已退出注册志愿者（编号 {subject}）。{reason}'],
  'conduct.recorded': ['负面言行记录', '您有一条负面言行记录：{entry}，扣 {points} 分。如有异议，可在“我的言行记录”中申诉。'],
  'conduct.appealed': ['收到申诉', '志愿者 {subject} 对负面言行记录“{entry}”提出申诉，将由上级审核。'],
  'conduct.appealUpheld': ['申诉成立', '您对“{entry}”的申诉成立，该记录已撤销。理由：{reason}'],
  'conduct.appealDismissed': ['申诉未成立', '您对“{entry}”的申诉未成立，记录维持。理由：{reason}'],
  other: ['新消息', '{subject} 有新的动态。'],
};

const en: Words = {
  'needs.submitted': ['New need', 'A new need {subject} was posted in your area: please verify and accept it.'],
  'needs.verifying': ['Being verified', 'Your need {subject} is being verified.'],
  'needs.accepted': ['Need accepted', 'Your need {subject} was accepted; a service will be arranged soon.'],
  'needs.rejected': ['Need not accepted', 'Your need {subject} was not accepted; see the details for the reason.'],
  'needs.merged': ['Need merged', 'Your need {subject} is handled together with the same need; see the details.'],
  'needs.teamDispatched': ['New order', 'Need {subject} was dispatched to your team: please take it.'],
  'needs.dispatched': ['Need dispatched', 'Your need {subject} was dispatched to {teamName}.'],
  'needs.pooled': ['Open to volunteers', 'Your need {subject} is open to volunteers nearby.'],
  'needs.taken': ['Team took the order', 'A team took your need {subject}.'],
  'needs.rulingNeeded': ['Ruling needed', 'Need {subject} was declined twice: please rule which team takes it.'],
  'needs.declined': ['Order declined', 'A team declined need {subject}: please dispatch it again.'],
  'needs.assigned': ['New task', 'Your team leader assigned you task {subject}.'],
  'needs.claimed': ['Volunteer on the way', 'A volunteer took your need {subject}.'],
  'needs.inService': ['Service started', 'The volunteer arrived: your need {subject} is in service.'],
  'needs.completed': ['Service completed', 'Your need {subject} was served: please rate the service.'],
  'needs.rated': ['Rating received', 'Task {subject} was rated {rating} stars.'],
  'needs.taskReopened': ['Task to redo', 'Task {subject} did not pass its rating and will be dispatched again.'],
  'needs.redo': ['Need to redo', 'The resident was not satisfied with need {subject}: please dispatch it again.'],
  'needs.reopened': ['Need reopened', 'Your need {subject} will be served again.'],
  'needs.closed': ['Need closed', 'Your need {subject} is closed. Thank you.'],
  'needs.taskCancelled': ['Task cancelled', 'Task {subject} was cancelled: no visit is needed.'],
  'needs.cancelled': ['Need cancelled', 'Your need {subject} was cancelled.'],
  'needs.escalated': ['Need escalated', 'Your need {subject} was escalated to the street for coordination.'],
  'needs.replied': ['Reply from the community', 'The community replied to your need {subject}; see the details.'],
  'deadline.warn50': ['Half the time used', 'Half the time allowed for {subject} has passed.'],
  'deadline.warn80': ['Due soon', '80% of the time allowed for {subject} has passed: please finish it.'],
  'deadline.overdue': ['Overdue', '{subject} is past its deadline: please handle it now.'],
  'oversight.pauseAsked': ['Pause to approve', 'A pause of the clock is asked for {subject}: please decide.'],
  'oversight.extensionAsked': ['Extension to approve', 'A later deadline is asked for {subject}: please decide.'],
  'oversight.pauseApproved': ['Pause approved', 'The pause of {subject} was approved: the clock is stopped.'],
  'oversight.pauseRefused': ['Pause refused', 'The pause of {subject} was refused: the deadline stands.'],
  'oversight.extensionApproved': ['Extension approved', 'The extension of {subject} was approved: see the new deadline.'],
  'oversight.extensionRefused': ['Extension refused', 'The extension of {subject} was refused: the deadline stands.'],
  'oversight.resumed': ['Clock resumed', 'The clock of {subject} runs again; its deadline moved on by the time paused.'],
  'oversight.supervised': ['Supervision', '{subject} has a new supervision record: please see it and press on.'],
  'whistle.opened': ['Whistled to the street', '{subject} was whistled to the street: call in the departments and units it needs.'],
  'whistle.called': ['Called in', '{streetName} whistled {subject} and calls in {unitName}: please report in and record your part.'],
  'whistle.reported': ['Unit reported in', '{unitName} reported in for {subject}.'],
  'whistle.closed': ['Whistle closed', 'The street closed the whistle on {subject}. Thank you.'],
  'webhooks.disabled': ['Webhook switched off', 'Webhook “{subject}” failed {failures} deliveries in a row and was switched off. Check the receiver, switch it on again under Webhooks and resend the failed deliveries.'],
  'activities.cancelled': ['Activity cancelled', 'The activity “{subject}” ({startsAt}) you signed up for is cancelled; see the details for why.'],
  'activities.promoted': ['Off the waitlist', 'You are now signed up for “{subject}”, {startsAt}, at {place}.'],
  'activities.reminder': ['Activity starts soon', '“{subject}”, which you signed up for, starts at {startsAt} at {place}. Scan the organiser’s code to check in.'],
  'teams.madeLeader': ['You lead a team', 'You are now the leader of “{subject}”: decide join requests under My teams.'],
  'teams.joinRequested': ['Join request', '{name} asks to join “{subject}”: please decide.'],
  'teams.requestAccepted': ['Welcome to the team', 'You joined “{subject}”. Welcome!'],
  'teams.requestRefused': ['Join request refused', 'Your request to join “{subject}” was refused: {reason}'],
  'teams.added': ['Added to a team', 'You were added to “{subject}”.'],
  'teams.removed': ['Removed from a team', 'You were removed from “{subject}”.'],
  'teams.memberLeft': ['A member left', '{name} left “{subject}”.'],
  'teams.dissolved': ['Team dissolved', '“{subject}” was dissolved. Thank you for your service.'],
  'posts.assigned': ['Post assigned', 'Your community put you on the post “{subject}”: see My posts.'],
  'posts.removed': ['Taken off a post', 'You no longer hold the post “{subject}”. Reason: {reason}'],
  'care.paired': ['Paired to help', 'Your community paired you with {subject}: see their needs under People I look after.'],
  'care.urgent': ['Urgent on a visit', '{visitor} found something urgent visiting {subject}: {summary}'],
  'volunteers.applied': ['New volunteer application', '{subject} applied to be a volunteer: please review.'],
  'volunteers.approved': ['Application approved', 'You are a registered volunteer, number {number}; see your card under Me.'],
  'volunteers.refused': ['Application not approved', 'Your application was not approved: {reason}. You may change it and apply again.'],
  'volunteers.suspended': ['Volunteering suspended', 'Your volunteering ({subject}) is suspended: {reason}. You may appeal.'],
  'volunteers.reinstated': ['Volunteering resumed', 'Your volunteering ({subject}) is resumed. Welcome back.'],
  'volunteers.left': ['Left volunteering', 'You left the volunteer registry ({subject}). {reason}'],
  'conduct.recorded': ['Conduct incident recorded', 'An incident was recorded against you: {entryEn}, {points} points deducted. You may appeal under My conduct record.'],
  'conduct.appealed': ['Appeal received', 'Volunteer {subject} appealed the incident “{entryEn}”; it is decided above you.'],
  'conduct.appealUpheld': ['Appeal upheld', 'Your appeal against “{entryEn}” was upheld and the incident annulled. Reason: {reason}'],
  'conduct.appealDismissed': ['Appeal dismissed', 'Your appeal against “{entryEn}” was dismissed; the incident stands. Reason: {reason}'],
  other: ['New message', 'There is news about {subject}.'],
};

const SMS_SIGNATURE: Record<Locale, string> = { 'zh-CN': '【连心】', en: '[Lianxin] ' };

const catalogue = (words: Words, locale: Locale) =>
  Object.fromEntries(
    Object.entries(words).flatMap(([type, [title, body]]) => [
      [`inbox.${type}.title`, title],
      [`inbox.${type}.body`, body],
      [`notify.inbox.${type}`, `${SMS_SIGNATURE[locale]}${body}`],
    ]),
  );

registerMessages({ 'zh-CN': catalogue(zh, 'zh-CN'), en: catalogue(en, 'en') });

/** The types that have words of their own (the policy test checks every type it sends is one). */
export const typesWithWords = Object.keys(zh).filter((t) => t !== 'other');

/** A type's words, or the plain fallback for one nobody registered. */
export function smsTemplate(type: string): string {
  return `inbox.${hasMessage('zh-CN', `inbox.${type}.title`) ? type : 'other'}`;
}

/** The longest title a message quotes: its body stays a line or two on a phone, and an SMS short. */
const TITLE_CHARS = 20;

/**
 * {subject} as people read it. A need is named by its title with its number, 「上门理发」（XQ…）: a
 * resident knows her need by what she asked for, not by a number. The sender gives the title as
 * `needTitle`; without it (other subjects, and messages kept from before titles were given) the label
 * alone, as it always was.
 */
export function subjectWords(locale: Locale, label: string, params: Record<string, string | number>): string {
  const title = typeof params.needTitle === 'string' ? params.needTitle.replace(/\s+/g, ' ').trim() : '';
  if (!title) return label;
  const chars = [...title];
  const short = chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS - 1).join('')}…` : title;
  return locale === 'en' ? `“${short}” (${label})` : `「${short}」（${label}）`;
}

/** Title and body of one message in the reader's language. */
export function renderMessage(locale: Locale, m: { type: string; subjectLabel: string; params: Record<string, string | number> }): { title: string; body: string } {
  const key = smsTemplate(m.type);
  const values = { ...m.params, subject: subjectWords(locale, m.subjectLabel, m.params) };
  return { title: translate(locale, `${key}.title`, values), body: translate(locale, `${key}.body`, values) };
}

/**
 * What staff, leaders, volunteers and requesters write along an order's timeline: service summaries
 * per top-level category (纪实), rating comments, and the notes that reasons and replies require.
 */
const list = (text: string) => text.split('|');

export const summaries: Record<string, string[]> = {
  elderly: list('已上门陪老人聊天两小时，帮忙打扫了客厅，老人精神状态不错。|已陪同老人到医院完成复查，取回报告并送老人到家。|已为老人理发，老人很满意，约好下月再来。|已送餐上门，并和老人约定每天中午按时送达。'),
  children: list('已完成作业辅导，重点讲解了数学应用题。|已将书包和文具送到孩子手中，孩子很开心。|陪孩子读绘本、做手工，和家长交流了孩子近况。'),
  disability: list('已将轮椅送到家中，并教家属正确使用和保养。|上门探访，帮忙整理房间，了解家庭困难情况并登记。|已送去棉被和米面油，家属表示感谢。'),
  environment: list('已组织志愿者清运垃圾约两车，楼道口已清理干净。|联系环卫疏通下水道，现场已冲洗消毒。|已修剪树枝、清除杂草，垃圾已装袋运走。|已对楼道和地下室进行消杀，并张贴防鼠提示。'),
  facilities: list('已更换楼道声控灯，现已正常照明。|已上门检修，更换了水龙头阀芯，不再漏水。|检查后发现电视信号线松动，已重新连接调试。|已协调维修单位修补路面坑洼。'),
  safety: list('已督促住户清理楼道杂物，消防通道已畅通。|已上门劝导，拆除飞线，指引到充电桩充电。|已安排志愿者夜间巡逻三次，未发现异常。'),
  dispute: list('已组织双方面对面调解，达成一致意见。|已联系物业负责人到场，承诺三日内修复电梯。|已与广场舞队协商，晚八点半后降低音量。'),
  legal: list('律师志愿者已当面解答，建议先申请劳动仲裁，并协助准备材料。|已详细讲解相关法律规定和维权途径。|已帮助起草协议文本，提醒保留好相关证据。'),
  mental: list('心理志愿者已上门疏导一次，约定每周回访。|已与家长和孩子分别沟通，给出了相处建议。'),
  medical: list('医疗志愿者已上门测量血压血糖，指标基本正常。|已讲解用药注意事项，整理了药盒并标注服药时间。|已代购药品送到老人家中，核对了药名和剂量。'),
  employment: list('已推荐三个附近岗位，并协助投递简历。|已帮助报名社区家政技能培训班。'),
  convenience: list('已帮老人缴纳水电费，并教会用手机缴费。|已教老人使用微信视频通话，老人已学会。|已帮忙把旧家具搬下楼，放到指定回收点。|已重置路由器并设置好网络，手机可以正常上网。'),
};

/**
 * A subcategory's own summaries, where its class's would not fit it: 就医陪诊 closed with "已为老人理发",
 * a dripping kitchen pipe with "修补路面坑洼". One pick either way, so the rest of the demo is unchanged.
 */
export const subSummaries: Record<string, string[]> = {
  'elderly.companion': list('已上门陪老人聊天两小时，老人精神状态不错，约好下周再来。|陪老人下棋、读报，帮忙整理了药箱。'),
  'elderly.escort': list('已陪同老人到医院完成复查，取回报告并送老人到家。|已陪老人挂号、就诊、取药，并把医嘱写在纸上交给老人。'),
  'elderly.meal': list('已送餐上门，并和老人约定每天中午按时送达。|已登记老人口味和忌口，送餐服务已安排好。'),
  'elderly.haircut': list('已为老人理发，老人很满意，约好下月再来。|已上门为卧床老人理发、修剪指甲。'),
  'elderly.cleaning': list('已帮老人打扫客厅和厨房，清理了过期食品。|已完成全屋保洁，换洗了床单被罩。'),
  'children.tutoring': list('已完成作业辅导，重点讲解了数学应用题。|已辅导孩子完成当天作业，约好每周二、四再来。'),
  'children.supplies': list('已将书包和文具送到孩子手中，孩子很开心。|已送去一套课外书，和家长交流了孩子近况。'),
  'children.leftBehind': list('陪孩子读绘本、做手工，和家长视频交流了孩子近况。|已陪孩子完成作业并一起做游戏，约好周末再来。'),
  'disability.aids': list('已将轮椅送到家中，并教家属正确使用和保养。|已借出拐杖一副，登记了归还时间。'),
  'disability.visit': list('上门探访，帮忙整理房间，了解家庭困难情况并登记。|已上门陪伴聊天，帮忙购买了生活用品。'),
  'disability.hardship': list('已送去棉被和米面油，家属表示感谢。|已登记家庭困难情况，协助申请临时救助。'),
  'environment.garbage': list('已组织志愿者清运垃圾约两车，楼道口已清理干净。|已联系环卫清运建筑垃圾，现场已清扫。'),
  'environment.sewage': list('联系环卫疏通下水道，现场已冲洗消毒。|已疏通排水管，污水不再外溢。'),
  'environment.greening': list('已修剪树枝、清除杂草，垃圾已装袋运走。|已修剪挡住窗户的树枝，绿化带已清理。'),
  'environment.pests': list('已对楼道和地下室进行消杀，并张贴防鼠提示。|已投放鼠药和粘鼠板，两周后回访。'),
  'facilities.streetLight': list('已更换楼道声控灯，现已正常照明。|已报修路灯，维修单位当天修复。'),
  'facilities.road': list('已协调维修单位修补路面坑洼。|已将松动的人行道砖重新铺好。'),
  'facilities.appliance': list('检查后发现电视信号线松动，已重新连接调试。|已上门检修家电，更换了损坏的配件，现已正常使用。'),
  'facilities.water': list('已上门检修，更换了水龙头阀芯，不再漏水。|已更换厨房漏水的水管接头，检查了线路和电闸。'),
  'convenience.errands': list('已帮老人缴纳水电费，并教会用手机缴费。|已陪老人到银行办完业务。'),
  'convenience.digital': list('已教老人使用微信视频通话，老人已学会。|已重置路由器并设置好网络，手机可以正常上网。'),
  'convenience.moving': list('已帮忙把旧家具搬下楼，放到指定回收点。|已帮老人打包搬运，物品已全部搬到新家。'),
};

export const goodComments = list('志愿者很耐心，非常满意！|服务很及时，谢谢社区！|小伙子干活利索，点赞。|态度特别好，帮了大忙。|解决得很彻底，感谢党和政府。|谢谢志愿者，下次还找你们。||');
export const poorComments = list('约好的时间没来，打了几次电话才来。|问题没有彻底解决，过两天又坏了。|态度一般，事情只做了一半。|灯还是不亮。');

export const notes = {
  verify: list('网格员已上门核实，情况属实。|已电话核实，情况属实。|已到现场查看并拍照留存。'),
  accept: list('情况属实，予以受理。|已受理，尽快安排。|'),
  reject: list('经核实，该事项属于物业服务范围，已转物业公司处理。|不属于志愿服务范围，已转交区城市管理局。|多次联系不上求助人，信息无法核实。|涉及民事诉讼，建议通过司法途径解决。'),
  merge: list('与同一事项重复，合并办理。|同楼栋已有居民反映，合并处理。'),
  cancel: list('问题已自行解决，不需要了。|家人已经帮忙处理好了。|不需要了，谢谢社区。|时间对不上，先撤销。'),
  cancelByStaff: list('群众来电表示不再需要。|回访时群众表示问题已解决，予以撤销。'),
  escalateMajor: list('涉及多个部门，吹哨街道协调处置。|情况复杂，社区力量难以解决，申请街道吹哨。'),
  escalatePool: list('抢单池48小时无人响应，吹哨街道统筹派单。|附近暂无合适志愿者，请街道协调队伍。'),
  reply: list('您好，已收到您的诉求，网格员会尽快联系您。|已安排志愿者，请保持电话畅通。|该事项正在协调中，请耐心等待。'),
  confirm: list('电话回访，群众表示满意。|回访确认服务已完成。|'),
  rule: list('经街道审定，由该队伍承接办理。'),
};

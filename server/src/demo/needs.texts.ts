import type { NeedKind } from '../modules/needs/needs.enums.js';

/**
 * What residents actually write, per subcategory of the default tree (categories.defaults.ts): the
 * kind it is usually filed as, how common it is, titles and description sentences. `{b}` is the
 * requester's building, `{age}` an age, `{n}` a small number; sentences are joined at random, so
 * 50,000 needs do not read like 40. A sentence that fits only some titles names them first, by their
 * places in the titles (`0,2:` — the first and the third): a need about a water heater is not
 * described as a television with sound and no picture.
 */
export type Detail = { text: string; titles?: number[] };
export type Topic = { kind: NeedKind; weight: number; slots?: number; titles: string[]; details: Detail[] };

const detail = (sentence: string): Detail => {
  const tied = /^([\d,]+):(.*)$/.exec(sentence);
  return tied ? { text: tied[2]!, titles: tied[1]!.split(',').map(Number) } : { text: sentence };
};
const t = (kind: NeedKind, weight: number, titles: string, details: string, slots?: number): Topic => ({ kind, weight, slots, titles: titles.split('|'), details: details.split('|').map(detail) });

/**
 * A title and the sentences that go with it, from a title and sentences drawn at random: the first
 * sentence tied to some titles decides (the drawn title if it is one of them, else its first), and
 * sentences tied to other titles are left out. The draws stay the draws they were, so the rest of the
 * demo is the same.
 */
export function matched(topic: Topic, drawnTitle: number, sampled: Detail[]): { title: string; details: string[] } {
  const decider = sampled.find((d) => d.titles);
  const title = !decider || decider.titles!.includes(drawnTitle) ? drawnTitle : decider.titles![0]!;
  return { title: topic.titles[title]!, details: sampled.filter((d) => !d.titles || d.titles.includes(title)).map((d) => d.text) };
}

export const topics: Record<string, Topic> = {
  'elderly.companion': t('serviceRequest', 6, '独居老人希望有人陪伴聊天|空巢老人需要定期探望|老人想找人说说话', '老人今年{age}岁，子女都在外地，平时一个人在家。|老伴前年去世后老人情绪一直不太好。|希望志愿者每周能来陪老人聊聊天、读读报。|老人腿脚不便，很少下楼。'),
  'elderly.escort': t('serviceRequest', 6, '老人需要陪诊|需要志愿者陪同去医院复查|老人去医院拿药需要人陪', '老人{age}岁，下周要去区人民医院复查。|子女上班请不下假，老人自己不会挂号缴费。|需要有人陪同排队、取报告，来回打车。|老人有高血压，走路需要搀扶。'),
  'elderly.meal': t('serviceRequest', 4, '高龄老人需要助餐送餐|希望每天中午有人送饭|老人做饭困难', '老人{age}岁，一个人住，做饭不方便。|希望能订社区长者食堂的午餐并送上门。|老人牙口不好，饭菜要软一些。'),
  'elderly.haircut': t('microWish', 5, '希望有人上门理发|老人想理个发|卧床老人需要上门理发', '老人行动不便，很久没理发了。|家住{b}，老人{age}岁，不方便下楼。|想在过年前理个发，精精神神的。'),
  'elderly.cleaning': t('serviceRequest', 4, '老人家里需要打扫卫生|独居老人家庭保洁|帮老人收拾屋子', '老人{age}岁，屋里东西多，自己收拾不动。|厨房油烟机和窗户很久没擦了。|希望志愿者帮忙整理一下，把不用的旧物清理出去。', 2),
  'children.tutoring': t('serviceRequest', 6, '孩子辅导功课|四点半课堂作业辅导|孩子数学跟不上需要辅导', '家长下班晚，孩子放学后没人辅导作业。|孩子上{n}年级，数学和英语比较吃力。|希望大学生志愿者能每周辅导两次。'),
  'children.supplies': t('microWish', 5, '孩子想要一个新书包|希望得到一套学习用品|想要几本课外书', '0:孩子上{n}年级，书包已经用了好几年，拉链坏了。|1:家里条件困难，孩子想要一套文具。|2:孩子喜欢看书，想要几本科普读物。'),
  'children.leftBehind': t('microWish', 3, '留守儿童希望有人陪伴|孩子父母在外打工，想有人陪|留守儿童课后关爱', '孩子父母都在外地打工，跟着奶奶生活。|孩子周末没人陪，想参加社区的活动。|希望有大哥哥大姐姐陪孩子做做手工、读读书。'),
  'disability.aids': t('microWish', 3, '需要借用轮椅|想借一副拐杖|老人需要助行器', '0:家人腿部骨折，出院后需要轮椅代步，大概用{n}个月。|2:老人走路不稳，想借助行器在楼下活动。|社区辅具站如果有，希望能借用一下。'),
  'disability.visit': t('serviceRequest', 3, '残疾人家庭希望上门探访|重度残疾人需要定期探访|希望志愿者上门看看', '家里有一位重度残疾人，常年卧床。|家属照顾压力大，希望有人上门聊聊、帮帮忙。|想了解一下残疾人补贴的办理流程。'),
  'disability.hardship': t('microWish', 3, '困难家庭希望得到帮扶|低保户冬季需要棉被|家里困难想要一台旧电视', '家里只有母子二人，收入很低。|1:天冷了家里被褥太薄。|2:老人在家没事做，想要一台能看的电视。'),
  'environment.garbage': t('grievance', 6, '小区垃圾堆放没人清运|楼下建筑垃圾堆了好几天|垃圾桶满了没人收', '{b}楼下的垃圾已经堆了{n}天，味道很大。|1:有人装修把建筑垃圾堆在楼道口。|夏天招苍蝇，影响大家出行。', 3),
  'environment.sewage': t('grievance', 5, '下水道堵塞污水外溢|楼下化粪池冒水|排水管堵了', '{b}门口的下水道堵了，污水流到路上。|一下雨就往外冒，气味很难闻。|老人出门要绕着走，怕滑倒。', 2),
  'environment.greening': t('grievance', 3, '小区树木需要修剪|绿化带杂草丛生|树枝挡住了窗户', '0,2:{b}旁边的树长得太高，挡住了低层住户的采光。|1:绿化带里杂草很高，蚊虫多。|0,2:有枯树枝随时可能掉下来。', 3),
  'environment.pests': t('grievance', 2, '楼道里老鼠多|小区需要消杀|地下室蟑螂很多', '0,1:最近{b}楼道里经常看到老鼠。|1:天热了蚊子特别多，希望社区组织消杀。|1,2:地下室潮湿，蟑螂成群。'),
  'facilities.streetLight': t('grievance', 6, '楼道灯不亮|路灯坏了晚上很黑|{b}声控灯不亮', '0,2:{b}的楼道声控灯坏了{n}天了。|0,2:晚上下班回家楼道里一片漆黑，老人上下楼很危险。|1:小区门口的路灯一直不亮。'),
  'facilities.road': t('grievance', 3, '小区道路破损|路面坑洼积水|人行道砖松动', '0,1:{b}门前的路面塌了一个坑，下雨就积水。|2:人行道砖翘起来了，老人容易绊倒。|0,1:电动车经过很颠，希望尽快修补。'),
  'facilities.appliance': t('serviceRequest', 5, '家里电视没信号|老人家的洗衣机坏了|热水器打不着火', '老人自己不会弄，子女不在身边。|0:电视只有声音没有图像。|想请懂家电维修的志愿者上门看看。'),
  'facilities.water': t('serviceRequest', 5, '水龙头漏水|家里跳闸了找不到原因|厨房水管滴水', '0,2:厨房水龙头一直滴水，关不严。|1:家里一开空调就跳闸。|老人一个人住，不知道找谁修。'),
  'safety.fireHazard': t('grievance', 4, '楼道堆放杂物有消防隐患|消防通道被占用|楼道里堆满纸箱', '0,2:{b}楼道里堆了很多纸箱和旧家具。|1:消防通道被私家车长期占用。|万一着火人都跑不出去，希望社区督促清理。'),
  'safety.eBikeCharging': t('grievance', 4, '有人飞线充电|电动车在楼道里充电|楼上往下拉电线充电', '0,2:{b}有住户从窗户拉电线给电动车充电。|1:电动车停在楼道里充电，很危险。|多次劝说没有用，希望社区出面。'),
  'safety.patrol': t('grievance', 2, '小区夜间需要巡逻|最近小区有陌生人出入|车棚电瓶被偷', '0,2:最近{b}车棚接连丢了{n}块电瓶。|0,1:晚上有陌生人在小区里转悠。|希望志愿者晚上能加强巡逻。'),
  'dispute.neighbour': t('grievance', 4, '邻里纠纷需要调解|楼上漏水邻居不处理|邻居占用公共空间', '0,1:楼上卫生间漏水，渗到我家天花板。|找邻居好几次都不处理。|0,2:邻居把杂物堆在公共走廊，协商不下来。'),
  'dispute.family': t('grievance', 2, '家庭矛盾需要调解|老人赡养问题|兄弟姐妹因为照顾老人吵架', '0,1,2:老人有{n}个子女，在赡养问题上有分歧。|0:家里因为房子的事闹得很僵。|希望社区调解员帮忙沟通。'),
  'dispute.property': t('grievance', 3, '物业服务不到位|物业乱收费|电梯坏了物业不修', '0,2:{b}的电梯坏了一个星期，物业一直拖着。|0,1:物业费涨了但是服务没跟上。|希望社区出面协调物业公司。'),
  'dispute.noise': t('grievance', 4, '噪音扰民|广场舞音响声音太大|楼上半夜装修', '0,1:晚上{n}点以后还有广场舞，音响声音很大。|0,2:楼上住户半夜还在敲敲打打。|家里有老人和学生，休息不好。'),
  'legal.labour': t('serviceRequest', 3, '被拖欠工资想咨询|劳动合同纠纷咨询|工伤赔偿咨询', '0:在工地干了{n}个月，老板一直拖着不给工资。|1:公司不签劳动合同，想咨询怎么维权。|希望法律志愿者给出出主意。'),
  'legal.marriage': t('serviceRequest', 2, '婚姻家庭法律咨询|离婚财产分割咨询|遗产继承咨询', '0,1:想咨询一下离婚时房子怎么分。|0,2:父亲去世后兄弟姐妹对遗产有争议。|希望律师志愿者给讲讲相关规定。'),
  'legal.housing': t('serviceRequest', 2, '租房押金不退|房屋买卖合同咨询|房东不肯修房子', '0:退租时房东以各种理由扣押金。|1:想咨询房屋过户需要注意什么。|0,2:合同快到期了，想问问自己的权利。'),
  'mental.counselling': t('serviceRequest', 2, '家人情绪低落需要心理疏导|希望有心理咨询师聊聊|失业后压力大', '0,1:家人最近情绪很低落，不愿意出门。|1,2:工作丢了以后压力很大，晚上睡不着。|希望有专业的心理志愿者聊一聊。'),
  'mental.teen': t('serviceRequest', 2, '孩子厌学需要心理辅导|青春期孩子沟通困难|孩子沉迷手机', '0:孩子上初中后不愿意去学校。|1,2:跟孩子一说话就吵，不知道怎么沟通。|希望心理老师帮忙疏导一下。'),
  'medical.checkup': t('serviceRequest', 3, '希望社区组织义诊|老人想量血压测血糖|行动不便老人需要上门体检', '0:小区老人多，希望定期有医生来义诊。|0,1:老人{age}岁，想测测血压血糖。|2,1:老人行动不便，去医院一趟很难。'),
  'medical.chronic': t('serviceRequest', 3, '慢病老人需要随访|糖尿病老人需要健康指导|高血压老人用药指导', '0,1:老人有糖尿病，自己不太会用血糖仪。|0,2:药吃了很多种，怕吃混了。|希望家庭医生或医疗志愿者定期随访。'),
  'medical.medicine': t('serviceRequest', 3, '需要帮忙代购药品|老人常用药吃完了|帮忙去医院开药', '0,1:老人的降压药快吃完了，自己去不了药店。|2,1:需要去医院开慢病处方药。|家人都在外地，麻烦志愿者跑一趟。'),
  'employment.jobs': t('serviceRequest', 2, '失业人员求职|想找一份离家近的工作|大学毕业生找工作', '0,1:今年{age}岁，原来的厂子停工了，想找份工作。|0,1:希望找离家近、时间灵活的活儿。|2:孩子刚毕业，想了解社区有没有招聘信息。'),
  'employment.training': t('serviceRequest', 2, '想学一门手艺|希望参加电脑培训|家政技能培训报名', '0,2:想学做面点或者家政，增加点收入。|1:不会用电脑，找工作吃亏。|听说社区有免费技能培训，想报名。'),
  'convenience.errands': t('serviceRequest', 4, '帮忙跑腿代办|帮老人去银行办事|帮忙交水电费', '0,2:老人不会用手机缴费，水电费快欠费了。|0,1:需要去银行办理社保卡相关业务。|家里人不在，麻烦志愿者跑一趟。'),
  'convenience.digital': t('microWish', 4, '教老人用智能手机|老人想学微信视频|帮老人修路由器', '0,1:老人想学用微信和外地的孙子视频。|2:家里的路由器坏了，手机连不上网。|0:想学会用手机挂号和扫码乘车。'),
  'convenience.moving': t('serviceRequest', 2, '需要帮忙搬运|老人搬家需要人手|帮忙把旧家具搬下楼', '0,1:老人要搬到一楼住，东西搬不动。|0,2:家里的旧沙发要搬下楼，楼里没电梯。|需要两三个年轻人帮把手。', 3),
};

export const openers = ['', '', '您好，', '你好，', '麻烦社区帮忙，', '反映一个情况：'];
export const closers = ['', '谢谢！', '希望尽快处理。', '麻烦了。', '谢谢志愿者！', '盼复。'];

package cn.banshi.demo;

import cn.banshi.activities.Activity;
import cn.banshi.activities.ActivityKind;
import cn.banshi.activities.ActivityStore;
import cn.banshi.activities.ActivityTheme;
import cn.banshi.disclosure.DisclosureFigures;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.duty.LeadersDuty;
import cn.banshi.duty.LeadersDutyStore;
import cn.banshi.plans.PlanItem;
import cn.banshi.plans.PlanItemStore;
import cn.banshi.plans.PlanStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The demo year's staff inputs, taken from the seed (Gaocheng's 2021 rule-of-law work report): the year's
 * measures as activities with their kind (leaders' duty ones marked), the arrangements made for 2021 with what
 * became of them, the six arrangements for 2022 as plan items, section 三's leaders, committee and meeting
 * (invented names in the seed's posts), and plausible 2021 disclosure figures. Fixed content with fixed ids,
 * so loading twice changes nothing.
 */
public final class DemoInputs {
    public static final int YEAR = 2021;

    private DemoInputs() {}

    public static List<Activity> activities(String town) {
        List<Activity> list = new ArrayList<>();
        add(
                list,
                town,
                "2021-03-25",
                ActivityTheme.LEADERSHIP,
                ActivityKind.MEETING,
                "召开第一季度法治工作专题会议",
                "党委每季度召开一次专题会议，研究、部署全镇法治工作。",
                "镇党委会议室",
                "党委班子成员");
        add(
                list,
                town,
                "2021-06-24",
                ActivityTheme.LEADERSHIP,
                ActivityKind.MEETING,
                "召开第二季度法治工作专题会议",
                "听取上半年依法行政工作情况汇报，部署下半年法治工作。",
                "镇党委会议室",
                "党委班子成员");
        add(
                list,
                town,
                "2021-09-23",
                ActivityTheme.LEADERSHIP,
                ActivityKind.MEETING,
                "召开第三季度法治工作专题会议",
                "研究宪法宣传月和首届滆南法治集市筹办工作。",
                "镇党委会议室",
                "党委班子成员");
        add(
                list,
                town,
                "2021-12-09",
                ActivityTheme.LEADERSHIP,
                ActivityKind.MEETING,
                "召开第四季度法治工作专题会议",
                "总结全年法治工作，研究2022年法治政府建设主要安排。",
                "镇党委会议室",
                "党委班子成员");
        add(
                list,
                town,
                "2021-02-26",
                ActivityTheme.DECISION_MAKING,
                ActivityKind.MEASURE,
                "建立司法所常态列席党委会议制度",
                "在制订重要文件、作出重大决策、进行重要部署前，坚持充分听取政府法律顾问意见、建议，司法所常态列席党委会议。",
                null,
                "司法所、政府法律顾问");
        add(
                list,
                town,
                "2021-01-28",
                ActivityTheme.RULE_MAKING,
                ActivityKind.DOCUMENT,
                "制定《2021高塍镇党委议事规则和决策程序》",
                "就议事原则、议事范围、议事程序、议事纪律等作出明确要求，确保权力行使不越边界。",
                null,
                null);
        add(
                list,
                town,
                "2021-04-15",
                ActivityTheme.RULE_MAKING,
                ActivityKind.DOCUMENT,
                "制定《法治高塍建设2021-2025年》五年规划",
                "进一步确立党委在法治高塍建设中统揽全局地位，为更高水平法治高塍建设提供制度保障。",
                null,
                null);
        add(
                list,
                town,
                "2021-02-20",
                ActivityTheme.RULE_MAKING,
                ActivityKind.DOCUMENT,
                "制定《2021年高塍镇依法行政工作实施意见》",
                "就依法行政指导思想、工作目标、工作措施、工作要求提出明确意见，为依法行政工作的落实提供制度和组织保障。",
                null,
                null);
        add(
                list,
                town,
                "2021-02-25",
                ActivityTheme.RULE_MAKING,
                ActivityKind.DOCUMENT,
                "制定《2021年高塍镇普法工作实施意见》",
                "以领导干部、村（社区）干部、机关干部等对象为重点，积极推动全镇各领域、各阶层普法工作。",
                null,
                null);
        add(
                list,
                town,
                "2021-05-20",
                ActivityTheme.DECISION_MAKING,
                ActivityKind.MEASURE,
                "法律顾问审核把关镇村文件合同",
                "对镇、村的政策、文件、合同、村规民约等进行可行性评估、审核、把关，确保符合《宪法》精神且不违反上位法的规定。",
                null,
                "镇、村两级法律顾问");
        add(
                list,
                town,
                "2021-06-18",
                ActivityTheme.DECISION_MAKING,
                ActivityKind.MEASURE,
                "开展优秀法律顾问评选活动",
                "对履职能力强、作用发挥好的村、社区法律顾问予以评比表彰，推动法治乡村建设走深走实。",
                null,
                "村（社区）法律顾问");
        add(
                list,
                town,
                "2021-12-04",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.EVENT,
                "举办首届滆南法治集市文艺汇演",
                "以“12.4”国家宪法日为契机，开展法治文艺汇演、法治书画展出、猜法治灯谜、多部门集中广场普法、宪法宣誓仪式等活动，" + "发布具有法治宣传功能的办塍事小程序。",
                "滆南法治集市",
                "镇村干部、网格员和群众");
        add(
                list,
                town,
                "2021-03-15",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.EVENT,
                "开展“3.15”消费者权益日法治宣传",
                "联合多部门采取线上线下结合方式开展消费维权法治宣传。",
                "高塍社区",
                "相关部门和群众");
        add(
                list,
                town,
                "2021-04-22",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.MEASURE,
                "组织百万党员学宪法学党章考法律活动",
                "动员全镇党员尤其是领导干部带头参加学宪法学党章考法律活动，取得全市前三好成绩。",
                null,
                "全镇党员");
        add(
                list,
                town,
                "2021-05-12",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.MEASURE,
                "开展《中华人民共和国民法典》宣传月活动",
                "开展“典伴行政 依法履职”“典亮青春 护航成长”等六大主题普法活动，全方位、多角度宣传民法典。",
                null,
                "机关干部和群众");
        add(
                list,
                town,
                "2021-06-26",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.EVENT,
                "开展“6.26”国际禁毒日宣传",
                "采取线上线下结合方式开展多部门联合禁毒法治宣传。",
                "梅家渎村法治广场",
                "相关部门和群众");
        add(
                list,
                town,
                "2021-07-08",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.EVENT,
                "组织民法典宣讲专题讲座",
                "邀请专业讲师到镇机关对民法典精神进行全面专题解读。",
                "镇机关会议室",
                "全体机关干部");
        add(
                list,
                town,
                "2021-10-14",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.EVENT,
                "再次组织民法典宣讲专题讲座",
                "围绕民法典婚姻家庭编、合同编等内容开展专题辅导，提高机关干部法治素养。",
                "镇机关会议室",
                "全体机关干部");
        add(
                list,
                town,
                "2021-08-20",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.EVENT,
                "开展法律明白人培训",
                "把理论素养好、法治意识强的群众选拔到法律明白人队伍中来，并对这支队伍进行专门培训。",
                null,
                "法律明白人");
        add(
                list,
                town,
                "2021-09-16",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.EVENT,
                "开展新《行政处罚法》专题培训",
                "面向机关干部尤其是持有执法证的执法人员开展专题培训，提高执法能力与水平。",
                "镇机关会议室",
                "执法人员");
        add(
                list,
                town,
                "2021-09-01",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.MEASURE,
                "开展在校学生法治教育",
                "各学校聘请法制辅导员，发挥中小学校外辅导员和镇关工委作用，开展在校学生法治教育系列活动。",
                null,
                "全镇中小学生");
        add(
                list,
                town,
                "2021-10-28",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.MEASURE,
                "培育赋村村援法议事先进典型",
                "以创建民主法治示范村（社区）为抓手开展援法议事工作，赋村村被评选为宜兴市十佳美丽宜兴·民主法治特色村（社区）。",
                "赋村村",
                "村民代表");
        add(
                list,
                town,
                "2021-02-10",
                ActivityTheme.LEGAL_EDUCATION,
                ActivityKind.MEASURE,
                "开通滆南空中普法课堂",
                "结合疫情防控实际，自编自演普法小视频2场供群众线上学法。",
                null,
                "群众");
        add(
                list,
                town,
                "2021-03-01",
                ActivityTheme.DISPUTE_RESOLUTION,
                ActivityKind.MEASURE,
                "矛盾纠纷一体化中心建成运行",
                "实行各有关部门轮值制，为全镇矛盾纠纷化解提供坚强保障。",
                null,
                "有关部门");
        add(
                list,
                town,
                "2021-11-30",
                ActivityTheme.DISPUTE_RESOLUTION,
                ActivityKind.MEASURE,
                "推广运用办塍事小程序",
                "小程序集社会矛盾纠纷化解、政策法规咨询学习、群众意见诉求表达、日常政务业务办理于一体，方便群众办实事、办成事。",
                null,
                null);
        add(
                list,
                town,
                "2021-05-28",
                ActivityTheme.DISPUTE_RESOLUTION,
                ActivityKind.MEASURE,
                "组织三官一律融入网格",
                "发挥三官一律在法治宣传、矛盾化解中的优势，为基层调解组织化解社会矛盾提供法律保障。",
                null,
                "三官一律、网格员");
        add(
                list,
                town,
                "2021-06-30",
                ActivityTheme.OPEN_GOVERNMENT,
                ActivityKind.MEASURE,
                "全面推行政务公开和村务公开",
                "依托政府信息公开栏和政府网站，镇、村两级全面实行政务公开、村务公开，民政、医疗、财务、换届选举等事项按要求公开。",
                null,
                null);
        add(
                list,
                town,
                "2021-04-08",
                ActivityTheme.SUPERVISION,
                ActivityKind.MEASURE,
                "完善群众举报投诉制度",
                "设立投诉电话与电子邮箱，充分利用12345公共服务平台，认真核实处理群众来信来访。",
                null,
                null);
        add(
                list,
                town,
                "2021-11-25",
                ActivityTheme.SUPERVISION,
                ActivityKind.MEASURE,
                "向镇人大报告依法行政情况",
                "坚持将本级政府依法行政情况向人大汇报，自觉接受人大监督，认真办理人大代表、政协委员建议、提案及议案。",
                null,
                null);
        duty(
                list,
                town,
                "2021-04-28",
                ActivityKind.MEASURE,
                "认真学习贯彻习近平法治思想",
                "将学习贯彻习近平法治思想列入年度党委中心组理论学习计划，中心组成员集中学习了《中共中央关于全面推进依法治国若干重大问题的决定》等内容，" + "并组织全体机关干部、村（社区）书记、主任集中学习。");
        duty(
                list,
                town,
                "2021-11-18",
                ActivityKind.MEETING,
                "召开年度学法报告会",
                "全体党委成员、机关各部门负责人、相关单位负责人、村（社区）书记参加，各单位交流学法体会和经验。");
        duty(
                list,
                town,
                "2021-12-10",
                ActivityKind.MEASURE,
                "认真落实班子成员年度述法制度",
                "班子成员年度述职报告均以专章内容就本人尊法、守法、学法、用法情况进行总结汇报。");
        return List.copyOf(list);
    }

    /** The seed's six arrangements for 2022. */
    public static List<PlanItem> planItems(String town) {
        return List.of(
                plan(
                        town,
                        1,
                        "进一步强化领导干部的依法行政水平",
                        "紧紧抓住领导干部这个“关键少数”，加强对习近平法治思想的学习，坚定不移走中国特色社会主义法治道路，" + "努力使领导干部真正成为学法、尊法、守法、用法的带路人。",
                        "党政办",
                        "全镇",
                        "2022-12-31"),
                plan(
                        town,
                        2,
                        "进一步建立健全制度，促进依法行政工作再上一个新台阶",
                        "健全依法行政工作规定、文件，使依法行政工作制度体系更加完善，制定的规定、文件符合现行法律法规要求，" + "确保所有行政行为都在法治的轨道上运行。",
                        "司法所",
                        null,
                        "2022-06-30"),
                plan(
                        town,
                        3,
                        "进一步提高群众法治满意率、知晓率，增强法治宣传影响力",
                        "认真贯彻落实“八五”普法规划精神，坚持广场法制宣传、网络普法、微信群普法等形式，加大法治小品、法治书画、" + "法治广场等群众喜闻乐见的普法形式。",
                        "司法所",
                        "全镇",
                        "2022-12-31"),
                plan(
                        town,
                        4,
                        "进一步加强法治阵地建设",
                        "在梅家渎村法治广场、高塍村法治广场、高塍社区滨水新城法治示范点等法治阵地基础上，在红星社区建一室内普法宣传阵地。",
                        "司法所",
                        "红星社区",
                        "2022-10-31"),
                plan(
                        town,
                        5,
                        "进一步推动“办塍事”小程序的推广、运用",
                        "拓展“办塍事”小程序在普法宣传、纠纷化解、法规学习等方面的优化运用，加强宣传推广，让更多群众了解、掌握操作方法。",
                        "综治办",
                        "全镇",
                        "2022-12-31"),
                plan(
                        town,
                        6,
                        "加强镇综合行政执法监督，着力提高综合行政执法能力水平",
                        "强化人大监督、上级监督、舆论监督、司法监督，加大法律法规培训力度，规范、提高镇综合行政执法力量的执法能力水平。",
                        "综合行政执法局",
                        null,
                        "2022-11-30"));
    }

    /**
     * The arrangements for 2021 made in the 2020 report, with what became of them by the end of 2021: the
     * 2021 reports say how they were carried out (落实情况), and the disclosure report's 五 names the one on
     * disclosure.
     */
    public static List<PlanItem> previousPlanItems(String town) {
        return List.of(
                previous(
                        town,
                        1,
                        "制定法治建设五年规划",
                        "制定法治高塍建设2021-2025年五年规划，明确法治建设的目标、任务和责任分工。",
                        "司法所",
                        null,
                        "2021-06-30",
                        PlanStatus.DONE),
                previous(
                        town,
                        2,
                        "建成矛盾纠纷一体化中心",
                        "整合综治、信访、司法调解等力量，建成矛盾纠纷一体化中心并实行部门轮值。",
                        "综治办",
                        null,
                        "2021-06-30",
                        PlanStatus.DONE),
                previous(
                        town,
                        3,
                        "深入开展民法典学习宣传",
                        "组织民法典宣传月活动和机关干部专题讲座，推动民法典走到群众身边。",
                        "司法所",
                        "全镇",
                        "2021-12-31",
                        PlanStatus.DONE),
                previous(
                        town,
                        4,
                        "规范政府信息公开申请办理",
                        "建立依申请公开办理台账，对临近答复期限的申请提前提醒，确保在法定期限内答复。",
                        "党政办",
                        null,
                        "2021-09-30",
                        PlanStatus.DONE),
                previous(
                        town,
                        5,
                        "发挥村（社区）法律顾问作用",
                        "建立村（社区）法律顾问履职台账，开展年度考评。",
                        "司法所",
                        null,
                        "2021-12-31",
                        PlanStatus.IN_PROGRESS),
                previous(
                        town,
                        6,
                        "建设红星社区室内普法宣传阵地",
                        "在红星社区建设室内普法宣传阵地，丰富法治文化阵地。",
                        "司法所",
                        "红星社区",
                        "2021-12-31",
                        PlanStatus.NOT_STARTED));
    }

    /**
     * Section 三's leaders, committee and meeting, as the seed reports them. The names are invented for the demo
     * (the seed names the real officials).
     */
    public static LeadersDuty leadersDuty() {
        LeadersDuty.Official secretary = new LeadersDuty.Official("镇党委书记", "王建华");
        LeadersDuty.Official head = new LeadersDuty.Official("党委副书记、镇长", "陈立新");
        LeadersDuty.Official deputy = new LeadersDuty.Official("党委副书记", "赵文明");
        LeadersDuty.Official office = new LeadersDuty.Official("政法委员", "刘振东");
        return new LeadersDuty(
                YEAR,
                List.of(secretary, head),
                new LeadersDuty.Committee(
                        "高塍镇全面依法治镇委员会",
                        LocalDate.of(YEAR, 3, 10),
                        secretary,
                        List.of(head, deputy),
                        "其他党委成员及相关职能部门负责人",
                        office),
                List.of(new LeadersDuty.Meeting(
                        LocalDate.of(YEAR, 5, 6),
                        "召开全面依法治镇委员会第一次会议",
                        "委员会主任王建华",
                        "委员会办公室主任刘振东解读《法治高塍建设规划（2021-2025年）》，会议审议并通过了该规划。")));
    }

    public static DisclosureFigures disclosureFigures() {
        return new DisclosureFigures(
                YEAR,
                new DisclosureFigures.Proactive(
                        new DisclosureFigures.Documents(0, 0, 0),
                        new DisclosureFigures.Documents(3, 1, 15),
                        86,
                        42,
                        3,
                        new BigDecimal("0")),
                new DisclosureFigures.ReviewLitigation(
                        new DisclosureFigures.Outcomes(1, 0, 0, 0),
                        new DisclosureFigures.Outcomes(0, 0, 0, 0),
                        new DisclosureFigures.Outcomes(0, 0, 0, 0)),
                "本机关2021年度未收取信息处理费。");
    }

    /** Stores the demo inputs for a town; what is already there is left as it is. */
    public static void load(
            String town,
            ActivityStore activities,
            PlanItemStore plans,
            DisclosureStore disclosure,
            LeadersDutyStore duty,
            Instant now) {
        for (Activity a : activities(town)) {
            try {
                activities.create(a, "demo", now);
            } catch (ConditionalCheckFailedException exists) {
                // loaded before
            }
        }
        for (PlanItem p : previousPlanItems(town)) plans.createIfAbsent(p, "demo", now);
        for (PlanItem p : planItems(town)) plans.createIfAbsent(p, "demo", now);
        if (duty.find(town, YEAR).isEmpty()) duty.put(town, leadersDuty(), "demo", now);
        if (disclosure.find(town, YEAR).isEmpty()) disclosure.put(town, disclosureFigures(), "demo", now);
    }

    private static void add(
            List<Activity> list,
            String town,
            String date,
            ActivityTheme theme,
            ActivityKind kind,
            String title,
            String description,
            String place,
            String participants) {
        list.add(new Activity(
                String.format("2021-demo-%02d", list.size() + 1),
                town,
                LocalDate.parse(date),
                theme,
                kind,
                title,
                description,
                place,
                participants,
                false,
                1));
    }

    private static void duty(
            List<Activity> list, String town, String date, ActivityKind kind, String title, String description) {
        list.add(new Activity(
                String.format("2021-demo-%02d", list.size() + 1),
                town,
                LocalDate.parse(date),
                ActivityTheme.LEADERSHIP_DUTY,
                kind,
                title,
                description,
                null,
                "党政主要负责人",
                true,
                1));
    }

    private static PlanItem previous(
            String town,
            int n,
            String title,
            String description,
            String owner,
            String place,
            String target,
            PlanStatus status) {
        return new PlanItem(
                "2021-demo-" + n,
                town,
                title,
                description,
                owner,
                place,
                LocalDate.parse(target),
                status,
                PlanItem.STAFF,
                1);
    }

    private static PlanItem plan(
            String town, int n, String title, String description, String owner, String place, String target) {
        return new PlanItem(
                "2022-demo-" + n,
                town,
                title,
                description,
                owner,
                place,
                LocalDate.parse(target),
                PlanStatus.NOT_STARTED,
                PlanItem.STAFF,
                1);
    }
}

package cn.banshi.demo;

import cn.banshi.catalog.CaseType;
import java.util.Map;
import java.util.Random;

/** The words of the demo cases: titles per category, plain descriptions, replies. Never personal data. */
final class DemoTexts {
    private static final Map<String, String[]> HOTLINE = Map.ofEntries(
            Map.entry("urban-management", new String[] {"道路两侧乱堆放杂物", "占道经营影响通行", "广告牌破损存在隐患"}),
            Map.entry("environment", new String[] {"河道漂浮生活垃圾", "企业夜间排放异味", "垃圾清运不及时"}),
            Map.entry("land-construction", new String[] {"农房翻建审批咨询", "疑似违章搭建", "宅基地界址争议反映"}),
            Map.entry("roads-traffic", new String[] {"村道路面坑洼", "路灯损坏夜间不亮", "公交站台缺少遮雨棚"}),
            Map.entry("social-security", new String[] {"低保申请材料咨询", "养老保险缴费问题", "残疾人补贴发放咨询"}),
            Map.entry("labour-wages", new String[] {"工地拖欠工资", "劳动合同签订问题", "工伤认定咨询"}),
            Map.entry("consumer-rights", new String[] {"超市出售过期食品", "预付卡商家关门", "家电维修收费不合理"}),
            Map.entry("public-security", new String[] {"小区周边夜间噪声扰民", "电动车充电安全隐患", "校园周边交通秩序"}),
            Map.entry("education", new String[] {"幼儿园入园咨询", "校车接送时间调整建议", "课后服务收费咨询"}),
            Map.entry("health", new String[] {"卫生室开放时间咨询", "疫苗接种预约问题", "家庭医生签约咨询"}),
            Map.entry("village-affairs", new String[] {"村务公开栏内容未更新", "集体资金使用情况咨询", "村民代表会议建议"}),
            Map.entry("other", new String[] {"其他事项反映", "政策咨询", "便民服务建议"}));

    private static final Map<String, String> DISPUTE = Map.of(
            "dispute-marriage-family",
            "家庭赡养纠纷",
            "dispute-neighbour",
            "邻里排水纠纷",
            "dispute-land-contract",
            "土地承包经营权纠纷",
            "dispute-labour",
            "务工报酬纠纷",
            "dispute-damages",
            "交通事故损害赔偿纠纷",
            "dispute-property-management",
            "物业服务费纠纷",
            "dispute-other",
            "相邻关系纠纷");

    private static final String[] SPOTS = {"东侧路口", "村委会附近", "小学门口", "菜场南侧", "河桥边", "工业集中区"};
    private static final String[] ORGANISATIONS = {"某某环保科技有限公司", "某某建设工程有限公司", "某某律师事务所", "某某公益服务中心", "某某研究院", "某某农业合作社"
    };

    private DemoTexts() {}

    static String hotlineTitle(String category, CaseType type, Random r) {
        String[] titles = HOTLINE.getOrDefault(category, HOTLINE.get("other"));
        String title = titles[r.nextInt(titles.length)];
        return type == CaseType.SUGGESTION ? "关于" + title + "的建议" : title;
    }

    static String disputeTitle(String category, Random r) {
        return DISPUTE.getOrDefault(category, "民间纠纷") + "调解申请";
    }

    static String petitionTitle(String category, Random r) {
        return switch (category) {
            case "petition-land-requisition" -> "征地补偿标准反映";
            case "petition-rural-affairs" -> "农业补贴发放反映";
            case "petition-urban-rural-construction" -> "安置房质量问题反映";
            case "petition-labour-social-security" -> "社保待遇核定反映";
            case "petition-environment" -> "企业污染问题反映";
            case "petition-civil-affairs" -> "救助申请办理反映";
            default -> "历史遗留问题反映";
        };
    }

    static String description(String title, String village) {
        return "群众反映" + village + "有关“" + title + "”的情况，希望镇里予以关注并依法处理。";
    }

    static String spot(Random r) {
        return SPOTS[r.nextInt(SPOTS.length)];
    }

    static String organisation(Random r) {
        return ORGANISATIONS[r.nextInt(ORGANISATIONS.length)];
    }

    static String reply(CaseType type, Random r) {
        return switch (type) {
            case ENQUIRY -> "已电话解答相关政策和办理流程。";
            case HELP -> "已协调村（社区）上门帮助解决。";
            case SUGGESTION -> "感谢建议，已转有关部门研究采纳。";
            default -> r.nextBoolean() ? "经现场核查，问题已整改到位。" : "已责成相关单位限期整改，并将持续跟踪。";
        };
    }
}

package cn.banshi.duty;

import java.time.LocalDate;
import java.util.List;

/**
 * What staff enter for the work report's section 三 (党政主要负责人履行推进法治建设第一责任人职责): the
 * principal leaders (post and name), the town's rule-of-law committee (全面依法治镇委员会: chair, vice-chairs,
 * who the members are, the head of its office) and its meetings. Names are of officials in their public
 * capacity, as the published reports name them; never citizens'. The committee is optional.
 */
public record LeadersDuty(int year, List<Official> leaders, Committee committee, List<Meeting> meetings) {

    public LeadersDuty {
        leaders = List.copyOf(leaders);
        meetings = List.copyOf(meetings);
    }

    /** An official by post and name: 镇党委书记 and a name. */
    public record Official(String post, String name) {
        /** 镇党委书记周某 */
        public String text() {
            return post + name;
        }
    }

    /** {@code members}: who the members are, in words (其他党委成员及相关职能部门负责人). */
    public record Committee(
            String name,
            LocalDate establishedOn,
            Official chair,
            List<Official> viceChairs,
            String members,
            Official officeHead) {
        public Committee {
            viceChairs = List.copyOf(viceChairs);
        }
    }

    /** A meeting of the committee (or on its work): when, what, who chaired it, what it did. */
    public record Meeting(LocalDate date, String title, String chair, String content) {}
}

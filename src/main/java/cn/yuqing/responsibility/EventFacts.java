package cn.yuqing.responsibility;

import java.util.List;

/**
 * What routing needs to know of an event: the places it concerns (region codes), the level whose
 * government handles it (a county's code), its main matter and secondary matters, and whether it
 * is especially major.
 */
public record EventFacts(List<String> placeCodes, String levelRegionCode, MainMatter matter, boolean especiallyMajor) {

    public EventFacts {
        placeCodes = List.copyOf(placeCodes);
        matter = matter == null ? MainMatter.none() : matter;
    }
}

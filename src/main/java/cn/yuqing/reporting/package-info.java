/**
 * Reports and dashboards (4.6, 4.7): today at a glance for the duty room (new items, open events by
 * grade, clocks falling due and overdue), the trend of volume and negative share, events by
 * township, unit rankings from the scorecards; the daily, weekly and special reports as Word
 * documents with their charts drawn as images in a CJK font, and their figures as spreadsheets.
 *
 * <p>Glossary: Dashboard 舆情态势 · DailyReport 舆情日报 · WeeklyReport 舆情周报 · SpecialReport 专报.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation", "intake", "analysis", "opinion::port", "deadline", "response",
        "followup", "review", "assessment"})
package cn.yuqing.reporting;

import org.springframework.modulith.ApplicationModule;

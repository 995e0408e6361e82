package cn.yuqing.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days are working days. The deadline module implements it with the administrator-edited
 * calendar (holidays, 调休 make-up days); every rule that counts working days asks this interface.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day);

    WorkingCalendar WEEKDAYS = day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
}

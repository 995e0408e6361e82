package cn.yuqing.opinion;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Steps the work-order clocks: finds the orders with a step due and takes each in a transaction of
 * its own, so one failure stops nothing else and, with several nodes, the order's version lets
 * exactly one of them remind, escalate or draft. Tests call {@link #stepDue()} with a moved clock.
 */
@Component
public class WorkOrderClocks {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderClocks.class);

    private final WorkOrderRepository orders;
    private final WorkOrders workOrders;
    private final Clock clock;

    WorkOrderClocks(WorkOrderRepository orders, WorkOrders workOrders, Clock clock) {
        this.orders = orders;
        this.workOrders = workOrders;
        this.clock = clock;
    }

    /** Returns how many orders had a step due. */
    public int stepDue() {
        var due = orders.findClockStepsDue(clock.instant());
        for (Long id : due) {
            try {
                workOrders.stepClocks(id);
            } catch (OptimisticLockingFailureException another) {
                log.debug("work order {} was stepped by another node or changed meanwhile", id);
            } catch (RuntimeException failed) {
                // one order that cannot be stepped must not hold up the others; it is tried again next time
                log.warn("work order {} could not be stepped: {}", id, failed.getClass().getSimpleName());
            }
        }
        return due.size();
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.scheduling.annotation.EnableScheduling
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "yuqing.scheduling.enabled", havingValue = "true",
            matchIfMissing = true)
    static class Schedule {

        private final WorkOrderClocks clocks;

        Schedule(WorkOrderClocks clocks) {
            this.clocks = clocks;
        }

        @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT20S")
        void step() {
            clocks.stepDue();
        }
    }
}

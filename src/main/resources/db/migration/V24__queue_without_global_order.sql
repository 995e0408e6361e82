-- Issue 17: the queue is asked per partition only (its head, its urgent items, its next batch), in
-- the partition index. The index over all partitions in urgent-then-arrival order was kept up at
-- every item queued and placed (a third of the queue's index work) for one query, which now asks
-- each partition instead.
drop index analysis_queue_order;

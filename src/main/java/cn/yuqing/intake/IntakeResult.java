package cn.yuqing.intake;

/** What became of one submitted item. */
public record IntakeResult(int index, Status status, Long itemId, String reason) {

    public enum Status {
        CREATED, DUPLICATE, REJECTED;

        public String json() {
            return name().toLowerCase();
        }
    }

    static IntakeResult created(int index, Long id) {
        return new IntakeResult(index, Status.CREATED, id, null);
    }

    static IntakeResult duplicate(int index, Long id) {
        return new IntakeResult(index, Status.DUPLICATE, id, null);
    }

    static IntakeResult rejected(int index, String reason) {
        return new IntakeResult(index, Status.REJECTED, null, reason);
    }
}

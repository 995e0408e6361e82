package cn.yuqing.intake;

/** Who brought an item in: a monitor (with the patrol it was found on), or an automatic source. */
public record Provenance(String name, Long personId, Long sourceId, Long patrolId) {

    public static Provenance monitor(String username, Long personId, Long patrolId) {
        return new Provenance(username, personId, null, patrolId);
    }

    public static Provenance source(IntakeSource source) {
        return new Provenance("来源：" + source.name(), null, source.id(), null);
    }
}

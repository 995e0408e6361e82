package cn.yuqing.distributed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The distributed tier's servers for a test, started by the project's own script
 * ({@code scripts/cluster/cluster}) in a directory and on ports of its own, so that a person's
 * local cluster is never touched. It starts empty and is stopped (each server by its PID) at the end.
 */
final class LocalCluster implements AutoCloseable {

    static final int PG_PORT = 56432;
    static final int KAFKA_PORT = 59192;
    static final int SEARCH_BASE_PORT = 9259;

    final Path dir;

    private LocalCluster(Path dir) {
        this.dir = dir;
    }

    static LocalCluster fresh(Path dir) {
        LocalCluster cluster = new LocalCluster(dir);
        cluster.run("reset", Duration.ofMinutes(2));
        cluster.run("start", Duration.ofMinutes(6));
        return cluster;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/yuqing";
    }

    String kafka() {
        return "127.0.0.1:" + KAFKA_PORT;
    }

    String search() {
        return "127.0.0.1:" + (SEARCH_BASE_PORT + 1);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "yuqing", "yuqing");
    }

    @Override
    public void close() {
        run("stop", Duration.ofMinutes(1));
    }

    private void run(String command, Duration limit) {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("cluster-" + command + ".log");
            ProcessBuilder pb = new ProcessBuilder(List.of("bash", "scripts/cluster/cluster", command))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(Map.of("YUQING_CLUSTER_DIR", dir.toAbsolutePath().toString(),
                    "YUQING_PG_PORT", String.valueOf(PG_PORT), "YUQING_KAFKA_PORT", String.valueOf(KAFKA_PORT),
                    "YUQING_SEARCH_BASE_PORT", String.valueOf(SEARCH_BASE_PORT)));
            Process p = pb.start();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("scripts/cluster/cluster " + command + " took longer than " + limit);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("scripts/cluster/cluster " + command + " failed:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package cn.yuqing.distributed;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * One application node of the distributed tier in a process of its own (the production jar's
 * classes and libraries, without the test classes), so that a test can kill it as an operating
 * system would: {@code kill -9}, no shutdown hook, no goodbye to Kafka.
 */
final class ApplicationNode implements AutoCloseable, cn.yuqing.support.Visitor.Server {

    final String name;
    final int port;
    final Path log;
    private final List<String> arguments;
    static final String TEST_DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZg==";

    /** Quick to start, for tests; a benchmark of the node itself asks for the JIT a server runs with. */
    private List<String> jvm = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");
    private Process process;

    /** A node of the embedded tier: its H2 database, index and files under {@code dir/node-name}. */
    ApplicationNode(String name, int port, Path dir, String profiles, String... properties) {
        this.name = name;
        this.port = port;
        this.log = dir.resolve("logs/node-" + name + ".log");
        List<String> a = new ArrayList<>(List.of("cn.yuqing.YuqingApplication",
                "--spring.profiles.active=" + profiles,
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--yuqing.data-dir=" + dir.toAbsolutePath().resolve("node-" + name),
                // as an operator gives every node the same key of data at rest
                "--yuqing.crypto.key=" + TEST_DATA_KEY));
        a.addAll(List.of(properties));
        this.arguments = a;
    }

    /** The JVM's options instead of the test defaults. */
    ApplicationNode jvm(String... options) {
        this.jvm = List.of(options);
        return this;
    }

    /** A node of the distributed tier against the cluster's servers. */
    static ApplicationNode distributed(String name, int port, LocalCluster cluster, String profiles, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "--spring.datasource.url=" + cluster.jdbcUrl(),
                "--spring.kafka.bootstrap-servers=" + cluster.kafka(),
                "--spring.jpa.properties.hibernate.search.backend.hosts=" + cluster.search(),
                "--spring.kafka.client-id=yuqing-" + name));
        all.addAll(List.of(properties));
        return new ApplicationNode(name, port, cluster.dir, profiles.isEmpty() ? "distributed" : "distributed," + profiles,
                all.toArray(String[]::new));
    }

    /** Starts the node; its log starts afresh on the first start and goes on after a restart. */
    ApplicationNode start() {
        try {
            Files.createDirectories(log.getParent());
            if (process == null) {
                Files.deleteIfExists(log);
            }
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvm);
            command.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-cp", classpath()));
            command.addAll(arguments);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ready: the readiness probe answers UP (Flyway, Hibernate Search and Kafka's topics done). */
    ApplicationNode awaitReady(Duration limit) {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " stopped while starting:\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("node " + name + " not ready within " + limit + ":\n" + tail());
    }

    /** The demo's API key, which the demo prints once in the log when it loads. */
    String demoApiKey() {
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("接口密钥（只显示这一次）：(\\S+)");
        for (int i = 0; i < 120; i++) {
            java.util.regex.Matcher m = key.matcher(output());
            if (m.find()) {
                return m.group(1);
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("no API key in node " + name + "'s log:\n" + tail());
    }

    @Override
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** As the operating system kills a process: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** CPU seconds the node's process has used (user and system, from /proc on Linux). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime 14 and stime 15 (1-based), in clock ticks of 1/100 s
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            throw new IllegalStateException("no /proc for node " + name, e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        String out = output();
        return out.length() > 6000 ? out.substring(out.length() - 6000) : out;
    }

    @Override
    public void close() {
        if (alive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test JVM's classpath without the test classes. Surefire may hand it over as one jar
     * whose manifest names the entries; those are read out.
     */
    private static String classpath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && Paths.get(entry).getFileName().toString().startsWith("surefirebooter")) {
                try (JarFile jar = new JarFile(entry)) {
                    String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String url : manifestPath.split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Paths.get(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString());
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                entries.add(entry);
            }
        }
        entries.removeIf(e -> e.replace('\\', '/').endsWith("target/test-classes") || e.endsWith("test-classes/"));
        return String.join(File.pathSeparator, entries);
    }
}

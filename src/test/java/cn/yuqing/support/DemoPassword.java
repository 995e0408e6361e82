package cn.yuqing.support;

/** The demo accounts' password in tests (application-test.properties). */
public final class DemoPassword {

    public static final String VALUE = "Demo-Test-Pa55";

    private DemoPassword() {
    }
}

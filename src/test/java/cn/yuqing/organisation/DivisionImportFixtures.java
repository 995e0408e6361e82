package cn.yuqing.organisation;

import java.util.List;

/** Test access to the demo division rows the jar carries. */
public final class DivisionImportFixtures {

    private DivisionImportFixtures() {
    }

    public static List<DivisionImport.Row> huangchuan() {
        return DemoDirectory.readDivisions();
    }
}

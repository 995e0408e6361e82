package cn.yuqing.shared;

import java.util.List;

/**
 * A page a module offers in the navigation, under a stage of the standard, to people holding the
 * permission. Each module declares its pages as one {@link Menu} bean; the shell shows those the
 * reader may open.
 */
public record NavigationEntry(Stage stage, String label, String path, String permission, int order) {

    /** A module's pages. */
    public record Menu(List<NavigationEntry> entries) {

        public static Menu of(NavigationEntry... entries) {
            return new Menu(List.of(entries));
        }
    }
}

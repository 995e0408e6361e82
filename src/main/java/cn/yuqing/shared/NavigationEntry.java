package cn.yuqing.shared;

/**
 * A page a module offers in the navigation, under a stage of the standard, to people holding the
 * permission. Modules declare these as beans; the shell shows those the reader may open.
 */
public record NavigationEntry(Stage stage, String label, String path, String permission, int order) {
}

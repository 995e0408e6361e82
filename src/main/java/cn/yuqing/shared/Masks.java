package cn.yuqing.shared;

/**
 * Personal data shown where it need not be read in full (the audit, exports, pages of those who do
 * not reply): a phone number as 138****1234, an e-mail address as z***@example.com.
 */
public final class Masks {

    private Masks() {
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.strip();
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        int keepEnd = 4;
        int keepStart = Math.min(3, digits.length() - keepEnd - 1);
        return digits.substring(0, Math.max(keepStart, 0)) + "****" + digits.substring(digits.length() - keepEnd);
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}

package cn.yuqing.citizen;

import java.util.regex.Pattern;

import cn.yuqing.shared.Masks;

/** What a citizen's contact is (a mobile or landline number, an e-mail address), and how it is shown masked. */
final class Contacts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,}");
    private static final Pattern MOBILE = Pattern.compile("(\\+?86[- ]?)?1[3-9]\\d{9}");
    private static final Pattern PHONE = Pattern.compile("(\\+?86[- ]?)?(0\\d{2,3}[- ]?)?\\d{7,8}(-\\d{1,5})?");

    private Contacts() {
    }

    static boolean email(String contact) {
        return contact != null && EMAIL.matcher(contact.strip()).matches();
    }

    static boolean mobile(String contact) {
        return contact != null && MOBILE.matcher(digitsOnly(contact)).matches();
    }

    static boolean phone(String contact) {
        return mobile(contact) || (contact != null && PHONE.matcher(contact.strip()).matches());
    }

    /** The mobile number as a gateway takes it: 11 digits. */
    static String mobileNumber(String contact) {
        String digits = digitsOnly(contact);
        return digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
    }

    private static String digitsOnly(String contact) {
        return contact.strip().replaceAll("[- ]", "");
    }

    static String mask(String contact) {
        if (contact == null || contact.isBlank()) {
            return "";
        }
        return email(contact) ? Masks.email(contact.strip()) : Masks.phone(contact.strip());
    }
}

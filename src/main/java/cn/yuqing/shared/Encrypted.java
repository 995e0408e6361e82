package cn.yuqing.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A column kept encrypted at rest ({@code @Convert(converter = Encrypted.class)}): secrets (mailbox
 * passwords, robots' webhooks and signing secrets) and personal data (phone numbers, e-mail
 * addresses). Hibernate builds it through Spring, so it holds the installation's cipher; the start
 * guard and the rotation command find the columns by this annotation.
 */
@Converter
public class Encrypted implements AttributeConverter<String, String> {

    private final DataCipher cipher;

    public Encrypted(DataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return cipher.decrypt(column);
    }
}

package cn.banshi.personaldata;

/**
 * Personal data that cannot be decrypted: a value changed or moved in the table (the authentication tag or the bound
 * table, key and attribute do not match), or its key version is unknown. Never answered with the value.
 */
public final class PersonalDataException extends RuntimeException {
    public PersonalDataException(String message) {
        super(message);
    }

    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}

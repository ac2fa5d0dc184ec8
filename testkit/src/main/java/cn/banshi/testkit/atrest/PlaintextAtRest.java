package cn.banshi.testkit.atrest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one way out of {@link NoPersonalDataAtRest}, for a test class that writes plaintext personal data to a table on
 * purpose (items from before encryption for the migration to seal, a test of the scan itself): the tables it names
 * are not scanned after that class (nor its nested classes); every other table is. Say why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PlaintextAtRest {
    /** Logical table names ({@link cn.banshi.store.Tables}) the class writes plaintext to on purpose. */
    String[] tables();

    /** Why: what the class writes in plaintext and for what. */
    String because();
}

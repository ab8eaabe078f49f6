package app.banhao.wallet;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What a certificate is issued from: who holds it, what it says, who issues it and where it came from. The issuer
 * adds the identifier, the status-list place and the signature.
 *
 * @param number the 证照编号, or null for one made from the region, year and serial
 * @param fields the type's own fields (照面信息) in the order the face shows them
 * @param sourceRef the application number (issued) or the library's reference (imported): with the source and type,
 *     what makes a second issue of the same thing a no-op
 */
record CertificateDraft(String typeCode, UUID holderId, String holderName, String holderCode, String holderCodeType,
        String number, String departmentCode, String issuerName, Map<String, String> fields, LocalDate issuedOn,
        LocalDate validFrom, Certificate.Source source, String sourceRef) {
}

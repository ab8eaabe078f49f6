package app.banhao.wallet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * The provincial e-certificate library (省级电子证照库): certificates other authorities issued to a holder, imported
 * into their wallet. The real one is a provincial sharing API (GB/T 36906, with a 申请事由 on every query); this
 * slice has only the local stand-in ({@link LocalProvincialLibrary}), and outside local mode no library at all.
 */
public interface ProvincialCertificateLibrary {

    /** A certificate as the library holds it; {@code reference} is the library's own id for it. */
    record Held(String reference, String typeCode, String number, String holderName, String holderCode, String holderCodeType,
            String issuerDepartment, String issuerName, LocalDate issuedOn, LocalDate validFrom, Map<String, String> fields) {
    }

    /** The certificates the library holds for the person with this ID number (empty when none). */
    Uni<List<Held>> heldBy(String idNumber, String useCause);
}

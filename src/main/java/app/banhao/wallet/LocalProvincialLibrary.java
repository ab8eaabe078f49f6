package app.banhao.wallet;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

import app.banhao.platform.crypto.Digests;
import app.banhao.platform.local.LocalMode;
import io.smallrye.mutiny.Uni;

/**
 * Stand-in for the provincial certificate library: for the demo resident (and only for the ID number it is asked
 * about) an ID card, household register, driving licence, marriage certificate and the business licence of their
 * firm, with made-up data. It hands certificates to whoever names an ID number, so it exists only in local mode:
 * {@link ProvincialLibraries} creates it there and nowhere else, and it refuses to be created otherwise.
 */
final class LocalProvincialLibrary implements ProvincialCertificateLibrary {

    LocalProvincialLibrary(LocalMode localMode) {
        if (!localMode.on()) {
            throw new IllegalStateException("The local certificate library stand-in hands out certificates to anyone: only in "
                    + LocalMode.KEY + "=true");
        }
    }

    @Override
    public Uni<List<Held>> heldBy(String idNumber, String useCause) {
        String name = DemoWallet.HOLDER_NAME;
        // The library's references name the holder without their ID number in clear.
        String ref = Digests.sha256Hex(idNumber, 8);
        LocalDate issued = LocalDate.of(2020, 5, 18);
        return Uni.createFrom().item(List.of(
                held("ID-" + ref, "RESIDENT_ID_CARD", idNumber, name, idNumber, "HN-GAT", "长沙市公安局岳麓分局", issued,
                        "姓名", name, "性别", "男", "民族", "汉", "出生", idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12)
                                + "-" + idNumber.substring(12, 14), "住址", "湖南省长沙市岳麓区麓山南路 932 号", "公民身份号码", idNumber),
                held("HR-" + ref, "HOUSEHOLD_REGISTER", "430104" + "012345", name, idNumber, "HN-GAT", "长沙市公安局岳麓分局",
                        LocalDate.of(2015, 3, 2), "户主姓名", name, "户别", "家庭户", "户号", "430104012345", "住址",
                        "湖南省长沙市岳麓区麓山南路 932 号"),
                held("DL-" + ref, "DRIVING_LICENCE", idNumber, name, idNumber, "HN-GAT", "湖南省长沙市公安局交通警察支队",
                        LocalDate.of(2022, 7, 1), "姓名", name, "准驾车型", "C1", "初次领证日期", "2016-07-01", "档案编号", "430100123456"),
                held("MC-" + ref, "MARRIAGE_CERT", "J430104-2021-000321", name, idNumber, "HN-MZT", "长沙市岳麓区民政局",
                        LocalDate.of(2021, 10, 1), "持证人", name, "配偶姓名", "李小妹", "配偶身份证号", "430104199203150023",
                        "登记日期", "2021-10-01"),
                new Held("BL-" + ref, "BUSINESS_LICENSE", "91430104MA4L8B2X3Q", "长沙办好便民服务有限公司", "91430104MA4L8B2X3Q",
                        Certificate.CREDIT_CODE, "HN-SCJ", "长沙市岳麓区市场监督管理局", LocalDate.of(2023, 4, 12),
                        LocalDate.of(2023, 4, 12), fields("名称", "长沙办好便民服务有限公司", "类型", "有限责任公司（自然人独资）",
                                "法定代表人", name, "经营范围", "便民信息咨询服务；代理记账", "住所", "湖南省长沙市岳麓区麓谷大道 627 号",
                                "注册资本", "壹拾万元整", "成立日期", "2023-04-12"))));
    }

    private static Held held(String reference, String type, String number, String name, String idNumber, String department,
            String issuer, LocalDate issuedOn, String... fields) {
        return new Held(reference, type, number, name, idNumber, Certificate.CITIZEN_ID, department, issuer, issuedOn, issuedOn,
                fields(fields));
    }

    private static LinkedHashMap<String, String> fields(String... pairs) {
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

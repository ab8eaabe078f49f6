package app.banhao.postal;

import java.util.Map;

/**
 * Province and (for Hunan) city names of a 6-digit administrative division code, as a carrier's address fields want
 * them. Counties are not tabled yet: the county field carries the code, and the detail line names the place.
 */
final class RegionNames {

    record Region(String prov, String city, String county) {
    }

    private static final Map<String, String> PROVINCES = Map.ofEntries(Map.entry("11", "北京市"), Map.entry("12", "天津市"),
            Map.entry("13", "河北省"), Map.entry("14", "山西省"), Map.entry("15", "内蒙古自治区"), Map.entry("21", "辽宁省"),
            Map.entry("22", "吉林省"), Map.entry("23", "黑龙江省"), Map.entry("31", "上海市"), Map.entry("32", "江苏省"),
            Map.entry("33", "浙江省"), Map.entry("34", "安徽省"), Map.entry("35", "福建省"), Map.entry("36", "江西省"),
            Map.entry("37", "山东省"), Map.entry("41", "河南省"), Map.entry("42", "湖北省"), Map.entry("43", "湖南省"),
            Map.entry("44", "广东省"), Map.entry("45", "广西壮族自治区"), Map.entry("46", "海南省"), Map.entry("50", "重庆市"),
            Map.entry("51", "四川省"), Map.entry("52", "贵州省"), Map.entry("53", "云南省"), Map.entry("54", "西藏自治区"),
            Map.entry("61", "陕西省"), Map.entry("62", "甘肃省"), Map.entry("63", "青海省"), Map.entry("64", "宁夏回族自治区"),
            Map.entry("65", "新疆维吾尔自治区"));

    private static final Map<String, String> HUNAN_CITIES = Map.ofEntries(Map.entry("4301", "长沙市"), Map.entry("4302", "株洲市"),
            Map.entry("4303", "湘潭市"), Map.entry("4304", "衡阳市"), Map.entry("4305", "邵阳市"), Map.entry("4306", "岳阳市"),
            Map.entry("4307", "常德市"), Map.entry("4308", "张家界市"), Map.entry("4309", "益阳市"), Map.entry("4310", "郴州市"),
            Map.entry("4311", "永州市"), Map.entry("4312", "怀化市"), Map.entry("4313", "娄底市"), Map.entry("4331", "湘西土家族苗族自治州"));

    private RegionNames() {
    }

    static Region of(String code) {
        String prov = PROVINCES.getOrDefault(code.substring(0, 2), "");
        String city = HUNAN_CITIES.getOrDefault(code.substring(0, 4), "");
        return new Region(prov, city, code);
    }
}

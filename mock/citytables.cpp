#include "citytables.h"

#include <array>

namespace cpn::mock {

namespace {

// Hub centres as DOMAIN.md gives them for drawing.
constexpr std::array<HubFact, 8> kHubs { {
    { "jjj", "京津冀", "Beijing-Tianjin-Hebei", false, "BJ TJ HE", "BJ", 39.90, 116.41 },
    { "yrd", "长三角", "Yangtze River Delta", false, "SH JS ZJ AH", "SH", 31.23, 121.47 },
    { "gba", "粤港澳大湾区", "Greater Bay Area", false, "GD", "GD", 23.13, 113.26 },
    { "cy", "成渝", "Chengdu-Chongqing", true, "SC CQ", "SC", 30.57, 104.07 },
    { "nm", "内蒙古", "Inner Mongolia", true, "NM", "NM", 40.84, 111.75 },
    { "gz", "贵州", "Guizhou", true, "GZ", "GZ", 26.65, 106.63 },
    { "gs", "甘肃", "Gansu", true, "GS", "GS", 35.71, 107.64 },
    { "nx", "宁夏", "Ningxia", true, "NX", "NX", 38.49, 106.23 },
} };

constexpr std::array<ClusterFact, 10> kClusters { {
    { "cl-zhangjiakou", "张家口集群", "Zhangjiakou cluster", "jjj", "HE", 40.77, 114.88 },
    { "cl-yrd-demo", "长三角生态绿色一体化发展示范区集群", "YRD eco-green demo zone cluster", "yrd", "SH", 31.15,
        121.12 },
    { "cl-wuhu", "芜湖集群", "Wuhu cluster", "yrd", "AH", 31.35, 118.43 },
    { "cl-shaoguan", "韶关集群", "Shaoguan cluster", "gba", "GD", 24.81, 113.60 },
    { "cl-tianfu", "天府集群", "Tianfu cluster", "cy", "SC", 30.57, 104.07 },
    { "cl-chongqing", "重庆集群", "Chongqing cluster", "cy", "CQ", 29.56, 106.55 },
    { "cl-horinger", "和林格尔集群", "Horinger cluster", "nm", "NM", 40.38, 111.82 },
    { "cl-guian", "贵安集群", "Gui'an cluster", "gz", "GZ", 26.40, 106.40 },
    { "cl-qingyang", "庆阳集群", "Qingyang cluster", "gs", "GS", 35.71, 107.64 },
    { "cl-zhongwei", "中卫集群", "Zhongwei cluster", "nx", "NX", 37.51, 105.19 },
} };

// Approximate city centres (metro sites in the hub cities sit in their data-centre districts).
constexpr std::array<CityFact, 45> kCities { {
    { "beijing", "北京亦庄", "Beijing Yizhuang", "BJ", 39.80, 116.51, 3 },
    { "shanghai", "上海张江", "Shanghai Zhangjiang", "SH", 31.20, 121.60, 3 },
    { "guangzhou", "广州黄埔", "Guangzhou Huangpu", "GD", 23.10, 113.45, 3 },
    { "shenzhen", "深圳", "Shenzhen", "GD", 22.54, 114.06, 3 },
    { "hangzhou", "杭州", "Hangzhou", "ZJ", 30.27, 120.16, 3 },
    { "wuhan", "武汉", "Wuhan", "HB", 30.59, 114.31, 3 },
    { "tianjin", "天津", "Tianjin", "TJ", 39.13, 117.20, 2 },
    { "shijiazhuang", "石家庄", "Shijiazhuang", "HE", 38.04, 114.51, 2 },
    { "shenyang", "沈阳", "Shenyang", "LN", 41.81, 123.43, 2 },
    { "nanjing", "南京", "Nanjing", "JS", 32.06, 118.80, 2 },
    { "suzhou", "苏州", "Suzhou", "JS", 31.30, 120.59, 2 },
    { "hefei", "合肥", "Hefei", "AH", 31.82, 117.23, 2 },
    { "jinan", "济南", "Jinan", "SD", 36.65, 117.12, 2 },
    { "qingdao", "青岛", "Qingdao", "SD", 36.07, 120.38, 2 },
    { "zhengzhou", "郑州", "Zhengzhou", "HA", 34.75, 113.63, 2 },
    { "changsha", "长沙", "Changsha", "HN", 28.23, 112.94, 2 },
    { "dongguan", "东莞", "Dongguan", "GD", 23.02, 113.75, 2 },
    { "chongqing", "重庆两江", "Chongqing Liangjiang", "CQ", 29.65, 106.63, 2 },
    { "chengdu", "成都高新", "Chengdu Hi-tech Zone", "SC", 30.63, 104.05, 2 },
    { "xian", "西安", "Xi'an", "SN", 34.34, 108.94, 2 },
    { "taiyuan", "太原", "Taiyuan", "SX", 37.87, 112.55, 1 },
    { "dalian", "大连", "Dalian", "LN", 38.91, 121.61, 1 },
    { "changchun", "长春", "Changchun", "JL", 43.82, 125.32, 1 },
    { "harbin", "哈尔滨", "Harbin", "HL", 45.80, 126.53, 1 },
    { "xuzhou", "徐州", "Xuzhou", "JS", 34.20, 117.28, 1 },
    { "ningbo", "宁波", "Ningbo", "ZJ", 29.87, 121.55, 1 },
    { "wenzhou", "温州", "Wenzhou", "ZJ", 28.00, 120.67, 1 },
    { "fuzhou", "福州", "Fuzhou", "FJ", 26.07, 119.30, 1 },
    { "xiamen", "厦门", "Xiamen", "FJ", 24.48, 118.09, 1 },
    { "nanchang", "南昌", "Nanchang", "JX", 28.68, 115.86, 1 },
    { "luoyang", "洛阳", "Luoyang", "HA", 34.62, 112.45, 1 },
    { "yichang", "宜昌", "Yichang", "HB", 30.69, 111.29, 1 },
    { "nanning", "南宁", "Nanning", "GX", 22.82, 108.37, 1 },
    { "haikou", "海口", "Haikou", "HI", 20.04, 110.20, 1 },
    { "kunming", "昆明", "Kunming", "YN", 25.04, 102.71, 1 },
    { "lhasa", "拉萨", "Lhasa", "XZ", 29.65, 91.13, 1 },
    { "lanzhou", "兰州", "Lanzhou", "GS", 36.06, 103.83, 1 },
    { "jiuquan", "酒泉", "Jiuquan", "GS", 39.73, 98.49, 1 },
    { "xining", "西宁", "Xining", "QH", 36.62, 101.78, 1 },
    { "urumqi", "乌鲁木齐", "Urumqi", "XJ", 43.83, 87.62, 1 },
    { "baotou", "包头", "Baotou", "NM", 40.66, 109.84, 1 },
    { "ordos", "鄂尔多斯", "Ordos", "NM", 39.61, 109.78, 1 },
    { "ulanqab", "乌兰察布", "Ulanqab", "NM", 41.03, 113.13, 1 },
    { "zunyi", "遵义", "Zunyi", "GZ", 27.73, 106.93, 1 },
    { "mianyang", "绵阳", "Mianyang", "SC", 31.47, 104.68, 1 },
} };

} // namespace

std::span<const HubFact> hubFacts()
{
    return kHubs;
}
std::span<const ClusterFact> clusterFacts()
{
    return kClusters;
}
std::span<const CityFact> cityFacts()
{
    return kCities;
}

} // namespace cpn::mock

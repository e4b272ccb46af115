"""A Lai Châu-size report model with made-up figures, for tests, benchmarks and previews.

Six organizations, 45 indicators, 38 communes, four quarters of trends. Figures are drawn from
a seeded generator: the same call always gives the same model. The Lai Châu 2023-Q3 figures a
reader knows from the press (558 buổi, 29.774 lượt người, 692 đội hình …) are used where they fit
so the sample reads plausibly; the sentences are this project's own.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from .model import (AreaRow, IndicatorRow, Issuer, MeetingInfo, NarrativeExcerpt, Number, OrgSection, Person,
                    ReportModel, TaskItem, TrendSeries, period_labels)

ORGS = [
    ("mttq", "Ủy ban MTTQ Việt Nam", "MTTQ"),
    ("congdoan", "Liên đoàn Lao động", "Công đoàn"),
    ("phunu", "Hội Liên hiệp Phụ nữ", "Hội LHPN"),
    ("doan", "Đoàn TNCS Hồ Chí Minh", "Đoàn Thanh niên"),
    ("nongdan", "Hội Nông dân", "Hội Nông dân"),
    ("ccb", "Hội Cựu chiến binh", "Hội CCB"),
]

# org code -> (code, name, unit, value type, typical quarterly figure)
INDICATORS: dict[str, list[tuple[str, str, str, str, float]]] = {
    "mttq": [
        ("mt_tiep_xuc_cu_tri", "Điểm tiếp xúc cử tri", "điểm", "integer", 96),
        ("mt_cu_tri", "Lượt cử tri tham dự", "lượt cử tri", "integer", 13279),
        ("mt_kien_nghi", "Ý kiến, kiến nghị tổng hợp", "ý kiến", "integer", 2129),
        ("mt_hoi_nghi_tt", "Hội nghị tuyên truyền", "hội nghị", "integer", 124),
        ("mt_quy_vnn", "Quỹ \"Vì người nghèo\" vận động", "đồng", "money", 1_520_000_000),
        ("mt_nha_ddk", "Nhà Đại đoàn kết làm mới, sửa chữa", "nhà", "integer", 105),
        ("mt_giam_sat", "Cuộc giám sát", "cuộc", "integer", 18),
        ("mt_xa_giam_ngheo", "Xã được tuyên truyền giảm nghèo bền vững", "xã", "integer", 8),
    ],
    "congdoan": [
        ("cd_tu_van_pl", "Tư vấn pháp luật", "lượt người", "integer", 130),
        ("cd_tin_bai", "Tin, bài viết, phóng sự", "tin, bài", "integer", 50),
        ("cd_dv_moi", "Đoàn viên công đoàn kết nạp mới", "đoàn viên", "integer", 412),
        ("cd_cdcs_moi", "Công đoàn cơ sở thành lập mới", "CĐCS", "integer", 6),
        ("cd_suat_ho_tro", "Suất hỗ trợ đoàn viên khó khăn", "suất", "integer", 835),
        ("cd_mai_am", "Mái ấm Công đoàn", "nhà", "integer", 12),
        ("cd_thoa_uoc", "Thỏa ước lao động tập thể ký mới", "bản", "integer", 9),
    ],
    "phunu": [
        ("pn_buoi_tt", "Buổi tuyên truyền", "buổi", "integer", 558),
        ("pn_luot_tt", "Lượt người tham dự", "lượt người", "integer", 29774),
        ("pn_hv_moi", "Hội viên kết nạp mới", "hội viên", "integer", 646),
        ("pn_5k3s", "Hộ đạt tiêu chí \"5 không 3 sạch\"", "hộ", "integer", 1230),
        ("pn_mai_am", "Mái ấm tình thương", "nhà", "integer", 7),
        ("pn_du_no", "Dư nợ ủy thác", "đồng", "money", 1_062_400_000_000),
        ("pn_ho_vay", "Hộ còn dư nợ", "hộ", "integer", 11235),
        ("pn_mo_hinh", "Mô hình kinh tế tập thể", "mô hình", "integer", 41),
    ],
    "doan": [
        ("dtn_doi_hinh", "Đội hình thanh niên tình nguyện", "đội hình", "integer", 692),
        ("dtn_hd_tt", "Hoạt động tuyên truyền phòng, chống thiên tai", "hoạt động", "integer", 942),
        ("dtn_dvtn_tg", "ĐVTN tham gia", "ĐVTN", "integer", 8256),
        ("dtn_uu_tu", "Đoàn viên ưu tú giới thiệu cho Đảng", "đoàn viên", "integer", 1611),
        ("dtn_lop_dang", "Đoàn viên tham gia lớp đảng viên mới", "đoàn viên", "integer", 438),
        ("dtn_cong_trinh", "Công trình thanh niên", "công trình", "integer", 57),
        ("dtn_duong_gt", "Đường giao thông nông thôn làm mới", "km", "decimal", 34.5),
        ("dtn_ngay_cong", "Ngày công tình nguyện", "ngày công", "integer", 15420),
    ],
    "nongdan": [
        ("nd_hv_moi", "Hội viên kết nạp mới", "hội viên", "integer", 712),
        ("nd_sxkd_gioi", "Hộ đăng ký sản xuất, kinh doanh giỏi", "hộ", "integer", 18560),
        ("nd_quy_htnd", "Quỹ Hỗ trợ nông dân", "đồng", "money", 4_200_000_000),
        ("nd_du_an", "Dự án từ Quỹ Hỗ trợ nông dân", "dự án", "integer", 23),
        ("nd_du_no", "Dư nợ ủy thác", "đồng", "money", 1_310_250_000_000),
        ("nd_to_tkvv", "Tổ tiết kiệm và vay vốn", "tổ", "integer", 412),
        ("nd_lop_tap_huan", "Lớp tập huấn chuyển giao khoa học kỹ thuật", "lớp", "integer", 86),
        ("nd_tu_van_pl", "Buổi tư vấn pháp luật cho nông dân", "buổi", "integer", 64),
    ],
    "ccb": [
        ("ccb_hv_moi", "Hội viên kết nạp mới", "hội viên", "integer", 214),
        ("ccb_sxkd_gioi", "Hội viên đạt sản xuất, kinh doanh giỏi", "hội viên", "integer", 1874),
        ("ccb_ho_ngheo_giam", "Hộ hội viên nghèo giảm", "hộ", "integer", 37),
        ("ccb_nha_ntdd", "Nhà \"Nghĩa tình đồng đội\"", "căn", "integer", 5),
        ("ccb_du_no", "Dư nợ ủy thác", "đồng", "money", 566_800_000_000),
        ("ccb_tl_vung_manh", "Tỷ lệ cơ sở hội trong sạch, vững mạnh", "%", "percent", 87.5),
        ("ccb_suat_qua", "Suất quà tặng hội viên khó khăn", "suất", "integer", 320),
    ],
}

COMMUNES = [
    "Mường Kim", "Khoen On", "Than Uyên", "Mường Than", "Pắc Ta", "Nậm Sỏ", "Tân Uyên", "Mường Khoa",
    "Bản Bo", "Bình Lư", "Tả Lèng", "Khun Há", "Sin Suối Hồ", "Phong Thổ", "Sì Lở Lầu", "Dào San",
    "Khổng Lào", "Tủa Sín Chải", "Sìn Hồ", "Hồng Thu", "Nậm Tăm", "Pu Sam Cáp", "Nậm Cuổi", "Nậm Mạ",
    "Lê Lợi", "Nậm Hàng", "Mường Mô", "Hua Bum", "Pa Tần", "Bum Nưa", "Bum Tở", "Mường Tè",
    "Thu Lũm", "Pa Ủ", "Tà Tổng", "Mù Cả", "Tân Phong", "Đoàn Kết",
]

UNIT_PREFIX = {
    "mttq": "Ủy ban MTTQ", "congdoan": "Công đoàn", "phunu": "Hội LHPN",
    "doan": "Đoàn", "nongdan": "Hội Nông dân", "ccb": "Hội CCB",
}

NARRATIVE_TEXTS = {
    "ket_qua": [
        "tổ chức tốt các hoạt động tuyên truyền tại thôn, bản, nội dung ngắn gọn, dễ hiểu, phù hợp với đồng bào dân tộc thiểu số",
        "phối hợp hỗ trợ hội viên phát triển sinh kế, nhân rộng mô hình trồng cây ăn quả trên đất dốc",
        "chủ động rà soát hộ nghèo, hộ có hoàn cảnh khó khăn để đề xuất hỗ trợ kịp thời",
        "duy trì đều đặn sinh hoạt chi hội, tỷ lệ hội viên tham gia sinh hoạt tăng so với quý trước",
    ],
    "han_che": [
        "địa bàn rộng, giao thông đi lại khó khăn trong mùa mưa lũ nên một số hoạt động phải lùi thời gian",
        "kinh phí hoạt động ở cơ sở còn hạn hẹp, chưa đáp ứng yêu cầu nhiệm vụ",
        "một bộ phận cán bộ chi hội mới được kiện toàn, kinh nghiệm vận động quần chúng còn hạn chế",
    ],
    "de_xuat": [
        "đề nghị cấp trên mở thêm lớp tập huấn nghiệp vụ cho cán bộ chi hội",
        "đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa thôn để tổ chức sinh hoạt",
        "kiến nghị tăng nguồn vốn vay ưu đãi cho hộ mới thoát nghèo",
    ],
}


def _vary(rng: random.Random, base, spread: float = 0.15):
    factor = 1 + rng.uniform(-spread, spread)
    if isinstance(base, float):
        return round(base * factor, 1)
    return int(round(base * factor))


def build_synthetic_model(seed: int = 2023, period_code: str = "2023-Q3", communes: int = 38,
                          report_date: dt.date = dt.date(2023, 10, 5)) -> ReportModel:
    rng = random.Random(seed)
    quarter = int(period_code[-1]) if "-Q" in period_code else 3
    year = int(period_code[:4])
    sections = []
    trends: list[TrendSeries] = []
    area_rows = []
    names = COMMUNES[:communes]
    for org_code, org_name, _short in ORGS:
        rows = []
        for code, name, unit, vtype, typical in INDICATORS[org_code]:
            value = typical
            if vtype == "percent":
                ytd, target, last = value, 90.0, round(value - rng.uniform(-3, 3), 1)
            else:
                prev_quarters = [_vary(rng, typical) for _ in range(quarter - 1)]
                ytd = value + sum(prev_quarters)
                pace = rng.choice([0.55, 0.8, 0.95, 1.05, 1.2, 1.4])
                target = _round_target(typical * 4 * pace * 0.75 if "du_no" not in code else typical * 1.05, vtype)
                if "du_no" in code:
                    ytd = value  # a stock: the year's figure is the latest balance
                last = _vary(rng, typical, 0.2)
            rows.append(IndicatorRow(code=code, name=name, unit=unit, value_type=vtype, value=value,
                                     year_to_date=ytd, target=target, same_period_last_year=last,
                                     reconstructed=(org_code == "ccb" and code == "ccb_ho_ngheo_giam")))
            if len([t for t in trends if t.org_code == org_code]) < 3 and vtype != "percent":
                points = []
                for back in range(4, -1, -1):
                    q = quarter - back
                    y = year
                    while q <= 0:
                        q += 4
                        y -= 1
                    label = f"Q{q}/{y}"
                    points.append((label, value if back == 0 else _vary(rng, typical, 0.25)))
                trends.append(TrendSeries(org_code=org_code, indicator_code=code, label=f"{name} ({unit})",
                                          points=points, unit=unit, value_type=vtype))
        sections.append(OrgSection(org_code=org_code, org_name=org_name, rows=rows))
        for commune in names:
            values: dict[str, Number | None] = {}
            for row in rows:
                quarter_value = float(row.value or 0)  # synthetic rows always have one
                if row.value_type == "percent":
                    values[row.code] = round(rng.uniform(70, 100), 1)
                elif row.value_type == "money":
                    values[row.code] = int(quarter_value / communes * rng.uniform(0.5, 1.5) // 1_000_000 * 1_000_000)
                elif row.value_type == "decimal":
                    values[row.code] = round(quarter_value / communes * rng.uniform(0.5, 1.5), 1)
                else:
                    values[row.code] = int(quarter_value / communes * rng.uniform(0.5, 1.5))
            area_rows.append(AreaRow(area_name=f"xã {commune}" if commune not in ("Tân Phong", "Đoàn Kết") else f"phường {commune}",
                                     level="xã", org_code=org_code, values=values, parent_name="tỉnh Lai Châu"))
    narratives = []
    for i, commune in enumerate(names):
        org_code = ORGS[i % len(ORGS)][0]
        unit = f"{UNIT_PREFIX[org_code]} {'phường' if commune in ('Tân Phong', 'Đoàn Kết') else 'xã'} {commune}"
        for section, texts in NARRATIVE_TEXTS.items():
            narratives.append(NarrativeExcerpt(unit_name=unit, section=section, text=texts[(i + len(section)) % len(texts)], org_code=org_code))
    previous_tasks = [
        TaskItem("Tập trung tuyên truyền phòng, chống thiên tai, sạt lở đất mùa mưa bão", ["Tỉnh đoàn", "Hội LHPN tỉnh"], "Đã hoàn thành"),
        TaskItem("Rà soát, củng cố tổ tiết kiệm và vay vốn hoạt động kém hiệu quả", ["Hội Nông dân tỉnh", "Hội CCB tỉnh"], "Đang thực hiện", "đã củng cố 18/25 tổ"),
        TaskItem("Giám sát việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo", ["Ủy ban MTTQ tỉnh"], "Đã hoàn thành"),
        TaskItem("Tổ chức diễn đàn đối thoại với công nhân lao động tại các khu công nghiệp", ["Liên đoàn Lao động tỉnh"], "Chưa thực hiện", "lùi sang quý IV"),
    ]
    meeting = MeetingInfo(
        date=report_date + dt.timedelta(days=5),
        place="Hội trường Ủy ban MTTQ tỉnh",
        chair=Person("Nguyễn Văn An", "Phó Bí thư Thường trực Tỉnh ủy"),
        attendees=[Person("Trần Thị Bình", "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy"),
                   Person("Lường Văn Chung", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh")],
        attending_bodies=["lãnh đạo Ủy ban MTTQ tỉnh", "các tổ chức chính trị - xã hội tỉnh", "Văn phòng Tỉnh ủy"],
        conclusions=["bám sát nhiệm vụ trọng tâm quý IV, chủ động phòng, chống thiên tai",
                     "rà soát các chỉ tiêu 9 tháng để có giải pháp hoàn thành kế hoạch năm",
                     "nhân rộng các mô hình hay, cách làm sáng tạo ở cơ sở"],
        next_tasks=["tuyên truyền, vận động nhân dân thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
                    "quản lý hiệu quả nguồn vốn ủy thác",
                    "tham gia xây dựng Đảng, chính quyền trong sạch, vững mạnh"],
    )
    labels = period_labels(period_code) or {}
    return ReportModel(
        period_code=period_code, period_label=labels["label"], area_name="tỉnh Lai Châu",
        report_date=report_date,
        issuer=Issuer(signer_name="Lường Văn Chung", recipients=["Thường trực Tỉnh ủy (b/c);", "Ban Dân vận Tỉnh ủy (b/c);",
                                                                  "Ủy ban MTTQ Việt Nam (b/c);", "Các tổ chức CT-XH tỉnh;", "Lưu: VT."]),
        sections=sections, narratives=narratives, previous_tasks=previous_tasks, trends=trends,
        area_rows=area_rows, meeting=meeting,
        next_tasks=[
            "Tuyên truyền, vận động đoàn viên, hội viên và nhân dân chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
            "Chủ động tham gia phòng, chống thiên tai; hỗ trợ nhân dân khắc phục hậu quả mưa lũ",
            "Rà soát các chỉ tiêu 9 tháng đầu năm để bổ sung giải pháp hoàn thành kế hoạch năm " + str(year),
        ],
    )


def _round_target(value: float, vtype: str):
    if vtype == "money":
        return int(Decimal(value).quantize(Decimal("1E8")))
    if vtype == "decimal":
        return round(value, 0)
    magnitude = 10 if value > 100 else 1
    return int(round(value / magnitude) * magnitude) or 1

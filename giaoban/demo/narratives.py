"""The demo units' narrative sections, written as units write them: in the organization's own
words, from the unit's own figures, varied from unit to unit and quarter to quarter.

Deterministic (seeded by unit and period). A remark is only made when the unit's figures bear
it out: no overdue loans where the unit manages none, no 'kết nạp chưa đạt' where it admitted
members, a model named only where the unit has one.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from giaoban.core.periods import Period

MEMBER = {"mttq": "người dân", "congdoan": "đoàn viên", "phunu": "hội viên", "doan": "đoàn viên",
          "nongdan": "hội viên", "ccb": "hội viên"}
BRANCH = {"mttq": "Ban công tác Mặt trận", "congdoan": "công đoàn cơ sở", "phunu": "chi hội phụ nữ", "doan": "chi đoàn",
          "nongdan": "chi hội nông dân", "ccb": "chi hội cựu chiến binh"}

# Models a unit may have started: named in its report, and in the province's as 'cách làm nổi bật'.
MODELS = {
    "mttq": ["mô hình \"Camera an ninh\" ở khu dân cư", "mô hình \"Khu dân cư tự quản về vệ sinh môi trường\"",
             "mô hình \"Tổ hòa giải gắn với tổ dân vận\"", "mô hình \"Mái ấm cho người nghèo\" từ nguồn xã hội hóa"],
    "congdoan": ["mô hình \"Bữa cơm Công đoàn\" hằng tháng", "mô hình \"Tủ sách pháp luật cho người lao động\"",
                 "mô hình \"Phiên chợ nghĩa tình\" cho đoàn viên khó khăn"],
    "phunu": ["mô hình \"Tổ phụ nữ trồng chè Shan tuyết\"", "mô hình \"Chi hội 5 không 3 sạch\"",
              "mô hình \"Địa chỉ tin cậy\" ở cộng đồng", "mô hình \"Tiết kiệm trong hội viên phụ nữ\""],
    "doan": ["mô hình \"Thắp sáng đường quê\"", "mô hình \"Tuyến đường thanh niên tự quản\"",
             "mô hình \"Đội hình thanh niên xung kích phòng, chống thiên tai\"", "mô hình \"Thanh niên khởi nghiệp nuôi cá lồng\""],
    "nongdan": ["mô hình \"Tổ hợp tác trồng thảo quả dưới tán rừng\"", "mô hình \"Chi hội nông dân nuôi ong\"",
                "mô hình \"Cánh đồng mẫu lúa Séng Cù\""],
    "ccb": ["mô hình \"Cựu chiến binh giúp nhau giảm nghèo\"", "mô hình \"Tổ tự quản đường biên, mốc giới\"",
            "mô hình \"Trang trại cựu chiến binh nuôi bò\""],
}

LIMITATIONS = {
    "all": [
        "Một số {branch} sinh hoạt chưa đều, nội dung sinh hoạt chưa phong phú",
        "Tỷ lệ {member} tham gia sinh hoạt ở các bản vùng cao còn thấp",
        "Việc ứng dụng công nghệ thông tin trong báo cáo, quản lý {member} còn hạn chế",
    ],
    "mttq": ["Hoạt động của một số Ban công tác Mặt trận ở khu dân cư còn hình thức",
             "Công tác giám sát, phản biện xã hội có nội dung chưa sâu",
             "Việc nắm bắt tâm tư, nguyện vọng của nhân dân ở một số khu dân cư chưa kịp thời",
             "Vận động Quỹ \"Vì người nghèo\" ở một số khu dân cư còn chậm"],
    "congdoan": ["Phát triển đoàn viên ở khu vực doanh nghiệp ngoài nhà nước còn chậm",
                 "Một số công đoàn cơ sở chưa chủ động đối thoại với người sử dụng lao động"],
    "phunu": ["Vận động hội viên tham gia các hoạt động tập thể ở bản xa còn khó khăn",
              "Một số chi hội chưa duy trì tốt nguồn quỹ tiết kiệm"],
    "doan": ["Tập hợp thanh niên đi làm ăn xa, lao động tự do còn khó khăn",
             "Một số chi đoàn nông thôn sinh hoạt chưa thường xuyên"],
    "nongdan": ["Phát triển hội viên ở một số bản còn chậm", "Việc nhân rộng các tổ hợp tác còn khó khăn"],
    "ccb": ["Một số hội viên cao tuổi, sức khỏe yếu nên tham gia sinh hoạt chưa đều",
            "Mô hình kinh tế của hội viên còn nhỏ lẻ"],
    "overdue": ["Nợ quá hạn tại một số tổ tiết kiệm và vay vốn chưa được xử lý dứt điểm",
                "Một số hộ vay vốn trả nợ chưa đúng hạn"],
}
CAUSES = [
    "do địa bàn rộng, giao thông đi lại khó khăn, nhất là trong mùa mưa lũ",
    "do kinh phí hoạt động còn hạn hẹp, cán bộ cơ sở kiêm nhiệm nhiều việc",
    "do một bộ phận người dân đi làm ăn xa, lao động tự do",
    "do cán bộ {branch} mới được kiện toàn, kinh nghiệm còn ít",
]
PROPOSALS = {
    "all": ["Đề nghị cấp trên quan tâm bố trí kinh phí tập huấn cho cán bộ {branch}",
            "Đề nghị hỗ trợ tài liệu tuyên truyền bằng tiếng dân tộc"],
    "mttq": ["Đề nghị Ủy ban nhân dân xã quan tâm kinh phí hoạt động cho Ban công tác Mặt trận ở khu dân cư"],
    "congdoan": ["Đề nghị hỗ trợ kinh phí tổ chức Tết Sum vầy cho đoàn viên khó khăn"],
    "phunu": ["Đề nghị tăng nguồn vốn vay ưu đãi cho hội viên phụ nữ nghèo"],
    "doan": ["Đề nghị hỗ trợ kinh phí cho các công trình, phần việc thanh niên"],
    "nongdan": ["Đề nghị bổ sung nguồn vốn Quỹ Hỗ trợ nông dân"],
    "ccb": ["Đề nghị quan tâm hỗ trợ làm nhà cho hội viên có hoàn cảnh khó khăn"],
    "overdue": ["Đề nghị phối hợp với chính quyền xã đôn đốc thu hồi nợ quá hạn"],
}
# A unit tells its model in its own way: one sentence for all made the province's 'cách làm nổi
# bật' five times the same line.
MODEL_SENTENCES = [
    "Đơn vị xây dựng và duy trì {model}, được {member} hưởng ứng.",
    "Đơn vị ra mắt {model}, thu hút đông đảo {member} tham gia.",
    "{unit} tiếp tục nhân rộng {model}.",
    "Đơn vị triển khai thí điểm {model}, bước đầu mang lại hiệu quả.",
    "Đơn vị duy trì hiệu quả {model}.",
]
# The merger of 2025 was set in motion at the end of 2024 (the review of Resolution 18, Nov.
# 2024): no unit prepares for it in 2023.
REFORM_ANNOUNCED = dt.date(2024, 11, 1)

NEXT_TASKS = {
    "mttq": "Tiếp tục vận động Quỹ \"Vì người nghèo\", chuẩn bị tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư",
    "congdoan": "Tập trung phát triển đoàn viên, chăm lo đời sống đoàn viên, người lao động",
    "phunu": "Tiếp tục vận động hội viên xây dựng gia đình \"5 không 3 sạch\", quản lý tốt nguồn vốn ủy thác",
    "doan": "Duy trì các đội hình thanh niên tình nguyện, giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp",
    "nongdan": "Vận động hội viên đăng ký sản xuất, kinh doanh giỏi, phát huy hiệu quả Quỹ Hỗ trợ nông dân",
    "ccb": "Vận động hội viên giúp nhau làm kinh tế, tham gia bảo vệ an ninh trật tự ở cơ sở",
}


def _n(value) -> str:
    return f"{int(value):,}".replace(",", ".")


# The one-figure clauses of a highlight, in the order units write them in: (indicator, clause).
_CLAUSES = [
    ("ket_nap_moi", "kết nạp mới {n} {member}"),
    ("doi_hinh_tinh_nguyen", "duy trì {n} đội hình thanh niên tình nguyện"),
    ("nha_dai_doan_ket", "vận động xây mới, sửa chữa {n} nhà Đại đoàn kết"),
    ("suat_qua", "trao {n} suất quà cho {member} có hoàn cảnh khó khăn"),
    ("ho_thoat_ngheo", "giúp {n} hộ {member} thoát nghèo"),
    ("gioi_thieu_dang", "giới thiệu {n} {member} ưu tú cho Đảng xem xét kết nạp"),
    ("bua_com_cong_doan", 'tổ chức {n} chương trình "Bữa cơm Công đoàn"'),
]


def _highlight_clauses(org: str, figures: dict) -> list[str]:
    """What the unit did, in its words, from its own figures (largest first are not sorted:
    units write in the order of their plan)."""
    member = MEMBER[org]
    f = {k: v for k, v in figures.items() if v is not None and Decimal(v) > 0}
    out = []
    if "tuyen_truyen_buoi" in f:
        text = f"tổ chức {_n(f['tuyen_truyen_buoi'])} buổi tuyên truyền"
        if "tuyen_truyen_luot_nguoi" in f:
            text += f", thu hút {_n(f['tuyen_truyen_luot_nguoi'])} lượt {member if org != 'mttq' else 'người'} tham dự"
        out.append(text)
    for code, clause in _CLAUSES:
        if code in f:
            out.append(clause.format(n=_n(f[code]), member=member))
    return out


def unit_narrative(org: str, unit_name: str, unit_code: str, period_code: str, period_label_lc: str,
                   figures: dict, reform_done: bool) -> dict:
    """{highlights, limitations, proposals, next_tasks} of one unit's report."""
    r = random.Random(f"narr2|{unit_code}|{period_code}")
    member, branch = MEMBER[org], BRANCH[org]
    fill = {"member": member, "branch": branch}
    clauses = _highlight_clauses(org, figures)
    r.shuffle(clauses)
    clauses = clauses[: r.randint(1, 3)]
    opening = r.choice([f"Trong {period_label_lc}, {unit_name} đã ", f"{period_label_lc[:1].upper()}{period_label_lc[1:]}, đơn vị ",
                        f"{unit_name} đã "])
    sentences = []
    if clauses:
        sentences.append(opening + "; ".join(clauses) + ".")
    else:
        sentences.append(f"{unit_name} đã triển khai các nhiệm vụ trọng tâm theo chương trình công tác.")
    # One unit in six started a model of its own: the kind of thing a province report names.
    if r.random() < 0.17:
        model = r.choice(MODELS[org])
        sentences.append(r.choice(MODEL_SENTENCES).format(model=model, member=member, unit=unit_name))
    overdue = any(Decimal(figures.get(code) or 0) > 0 for code in ("no_qua_han",))
    # the Front has no members of its own: its remarks are about its boards and residential areas
    pool = (LIMITATIONS["all"] if org != "mttq" else []) + LIMITATIONS[org] + (LIMITATIONS["overdue"] if overdue else [])
    limitation = r.choice(pool).format(**fill)
    if r.random() < 0.6:
        limitation += " " + r.choice(CAUSES).format(**fill)
    limitations = [limitation + "."]
    if "ket_nap_moi" in figures and Decimal(figures["ket_nap_moi"] or 0) == 0:
        limitations.append(f"Trong kỳ chưa kết nạp được {member} mới.")
    proposals = ""
    if r.random() < 0.55:
        pool = PROPOSALS["all"] + PROPOSALS[org] + (PROPOSALS["overdue"] if overdue else [])
        proposals = r.choice(pool).format(**fill) + "."
    next_task = NEXT_TASKS[org]
    if not reform_done and Period.parse(period_code).end >= REFORM_ANNOUNCED and r.random() < 0.2:
        next_task += "; chuẩn bị các điều kiện sắp xếp tổ chức bộ máy"
    return {"highlights": " ".join(sentences), "limitations": " ".join(limitations), "proposals": proposals,
            "next_tasks": next_task + "."}

"""The organizations' names: every name, abbreviation, member word, back-reference and group of
the six organizations (and of the other bodies a text names), in one table, for the extraction
engine (whose figure), the meeting parser (who is concerned, whom a task is for) and anything else
that matches organization names.

A mention is found on the matching key; a few entries need the original capitalization
('Đoàn' the Youth Union, 'đoàn viên' a member; 'Hội' the association, 'hội nghị' a meeting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import WORD_START_2, canonical, match_key, nfc, trie_alternation

ORG_CODES = ("mttq", "congdoan", "phunu", "doan", "nongdan", "ccb")

# (surface, org, kind). kind: 'name' (the body itself), 'member' (its own members: 'CCB', 'ĐVTN'),
# 'people' (whom it serves, e.g. 'chị em'; the engine reads members as people too), 'group' (the
# organizations jointly), 'generic' (several bodies: no single organization); org 'other' for
# other bodies.
_NAMES: list[tuple[str, str, str]] = [
    # MTTQ
    ("Ủy ban Mặt trận Tổ quốc Việt Nam", "mttq", "name"), ("Ủy ban Mặt trận Tổ quốc", "mttq", "name"),
    ("Mặt trận Tổ quốc Việt Nam", "mttq", "name"), ("Mặt trận Tổ quốc", "mttq", "name"),
    ("Ủy ban MTTQ Việt Nam", "mttq", "name"), ("Ủy ban MTTQ", "mttq", "name"), ("UBMTTQ", "mttq", "name"),
    ("UB MTTQ", "mttq", "name"), ("MTTQVN", "mttq", "name"), ("MTTQ", "mttq", "name"),
    ("Ban Công tác Mặt trận", "mttq", "name"), ("Mặt trận các cấp", "mttq", "name"),
    ("Mặt trận Tổ quốc các cấp", "mttq", "name"),
    # The campaign committee of the 'Vì người nghèo' fund: its standing body is the Front's.
    ("Ban Vận động", "mttq", "name"), ("Ban vận động thành lập công đoàn", "congdoan", "name"),
    # The Front's standing board, named alone once the Front is known ('Ban Thường trực xin chủ
    # trương …'); the unions and associations have a 'Ban Thường vụ' instead.
    ("Ban Thường trực", "mttq", "name"),
    # The Front agency's own departments after the 2025 reform ('Ban Tuyên giáo - Công tác xã hội',
    # 'Ban Dân chủ - Giám sát và phản biện xã hội'): the Front's, unlike the Party's 'Ban Tuyên giáo
    # (và Dân vận)'; and its departments for the organizations under it ('Ban Công tác Phụ nữ').
    ("Ban Tuyên giáo - Công tác xã hội", "mttq", "name"), ("Ban Tuyên giáo và Công tác xã hội", "mttq", "name"),
    ("Ban Dân chủ - Giám sát và phản biện xã hội", "mttq", "name"), ("Ban Dân chủ - Giám sát", "mttq", "name"),
    ("Ban Dân chủ - Pháp luật", "mttq", "name"), ("Ban Phong trào", "mttq", "name"),
    ("Ban Công tác Công đoàn", "congdoan", "name"), ("Ban Công tác Đoàn và Thanh thiếu nhi", "doan", "name"),
    ("Ban Công tác Đoàn", "doan", "name"), ("Ban Công tác Phụ nữ", "phunu", "name"),
    ("Ban Công tác Nông dân", "nongdan", "name"), ("Ban Công tác Cựu chiến binh", "ccb", "name"),
    # Công đoàn
    ("Liên đoàn Lao động", "congdoan", "name"), ("LĐLĐ", "congdoan", "name"),
    ("Công đoàn cơ sở", "congdoan", "name"), ("CĐCS", "congdoan", "name"), ("Công đoàn", "congdoan", "name"),
    ("Tổng Liên đoàn", "congdoan", "name"), ("đoàn viên công đoàn", "congdoan", "member"),
    ("CNVCLĐ", "congdoan", "people"), ("công nhân, viên chức, lao động", "congdoan", "people"),
    ("đoàn viên, người lao động", "congdoan", "people"),
    # Phụ nữ
    ("Hội Liên hiệp Phụ nữ Việt Nam", "phunu", "name"), ("Hội Liên hiệp Phụ nữ", "phunu", "name"),
    ("Hội LHPN", "phunu", "name"), ("LHPN", "phunu", "name"), ("Hội Phụ nữ", "phunu", "name"),
    ("HLHPN", "phunu", "name"), ("Hội LH Phụ nữ", "phunu", "name"), ("phụ nữ các cấp", "phunu", "name"),
    ("hội viên phụ nữ", "phunu", "people"), ("hội viên, phụ nữ", "phunu", "people"),
    ("chị em phụ nữ", "phunu", "people"), ("chị em", "phunu", "people"), ("phụ nữ", "phunu", "people"),
    # Đoàn
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "doan", "name"), ("Đoàn TNCS Hồ Chí Minh", "doan", "name"),
    ("Đoàn TNCS", "doan", "name"), ("TNCS", "doan", "name"), ("Đoàn Thanh niên", "doan", "name"),
    ("Tỉnh đoàn", "doan", "name"), ("Huyện đoàn", "doan", "name"), ("Thành đoàn", "doan", "name"),
    ("Thị đoàn", "doan", "name"), ("Đoàn xã", "doan", "name"), ("Đoàn phường", "doan", "name"),
    ("Đoàn TN", "doan", "name"),  # not 'Xã đoàn', 'Phường đoàn': 'phường Đoàn Kết' is a place
    ("Đoàn thị trấn", "doan", "name"), ("Đoàn trường", "doan", "name"), ("Đoàn cơ sở", "doan", "name"),
    ("cơ sở Đoàn", "doan", "name"),  # (the grassroots units, as "cơ sở Hội": "các cơ sở Đoàn kết nạp …")
    ("cấp bộ Đoàn", "doan", "name"), ("Đoàn khối", "doan", "name"),
    ("Hội Liên hiệp Thanh niên", "doan", "name"), ("Hội LHTN", "doan", "name"),
    ("Hội Sinh viên", "doan", "name"), ("Đội TNTP", "doan", "name"),
    # The youth union's teams acting ('Tiếp đến là các đội hình thanh niên sửa chữa 2 km đường').
    ("đội hình thanh niên", "doan", "name"), ("đội hình thanh niên tình nguyện", "doan", "name"),
    ("đội hình tình nguyện", "doan", "name"),
    ("ĐVTN", "doan", "member"), ("đoàn viên thanh niên", "doan", "people"),
    ("đoàn viên, thanh niên", "doan", "people"), ("tuổi trẻ", "doan", "people"), ("thanh niên", "doan", "people"),
    # Nông dân
    ("Hội Nông dân Việt Nam", "nongdan", "name"), ("Hội Nông dân", "nongdan", "name"),
    ("HND", "nongdan", "name"), ("nông dân các cấp", "nongdan", "name"), ("hội viên nông dân", "nongdan", "people"),
    ("hội viên, nông dân", "nongdan", "people"), ("nông dân", "nongdan", "people"),
    # CCB
    ("Hội Cựu chiến binh Việt Nam", "ccb", "name"), ("Hội Cựu chiến binh", "ccb", "name"),
    ("Hội CCB", "ccb", "name"), ("CCB", "ccb", "member"), ("cựu chiến binh", "ccb", "member"),
    ("hội viên CCB", "ccb", "member"), ("hội viên cựu chiến binh", "ccb", "member"),
    # Other named bodies (the figure is theirs, not one of the six organizations').
    ("Ngân hàng Chính sách xã hội", "other", "name"), ("Ngân hàng CSXH", "other", "name"),
    ("NHCSXH", "other", "name"), ("Phòng giao dịch", "other", "name"), ("Ngân hàng", "other", "name"),
    ("Ủy ban nhân dân", "other", "name"), ("UBND", "other", "name"), ("HĐND", "other", "name"),
    ("Hội đồng nhân dân", "other", "name"), ("Quốc hội", "other", "name"), ("Hội Chữ thập đỏ", "other", "name"),
    ("Hội Người cao tuổi", "other", "name"), ("Hội Khuyến học", "other", "name"),
    ("Hội Cựu thanh niên xung phong", "other", "name"), ("Hội Luật gia", "other", "name"),
    ("Hội Doanh nhân", "other", "name"), ("Hội Doanh nghiệp", "other", "name"),
    # Business people's clubs are such associations too ('Câu lạc bộ Doanh nhân Cựu chiến binh tỉnh').
    ("Câu lạc bộ Doanh nhân", "other", "name"), ("CLB Doanh nhân", "other", "name"),
    ("Câu lạc bộ Doanh nghiệp", "other", "name"), ("CLB Doanh nghiệp", "other", "name"),
    ("Hiệp hội Doanh nghiệp", "other", "name"),
    ("Hội Nạn nhân chất độc da cam", "other", "name"), ("Hội Bảo trợ", "other", "name"),
    # Associations of people from one home province, and of the blind: their own members and gifts.
    ("Hội đồng hương", "other", "name"), ("Hội Đồng hương", "other", "name"), ("Hội Người mù", "other", "name"),
    ("Liên minh Hợp tác xã", "other", "name"), ("Bộ đội Biên phòng", "other", "name"),
    ("Bộ Chỉ huy", "other", "name"), ("Đồn Biên phòng", "other", "name"), ("Công an", "other", "name"),
    ("Ban Dân vận", "other", "name"), ("Ban Tuyên giáo", "other", "name"), ("Tỉnh ủy", "other", "name"),
    ("Huyện ủy", "other", "name"), ("Thành ủy", "other", "name"), ("Đảng ủy", "other", "name"),
    ("Sở Lao động", "other", "name"), ("Sở Y tế", "other", "name"), ("Sở Giáo dục", "other", "name"),
    ("Trung tâm Y tế", "other", "name"), ("Bảo hiểm xã hội", "other", "name"), ("Quân sự", "other", "name"),
    ("Phòng Lao động", "other", "name"), ("Phòng Nông nghiệp", "other", "name"), ("Kho bạc", "other", "name"),
    ("Ban Chỉ đạo", "other", "name"),
    # The committees that run the youth union's campaigns ('Ban Chỉ đạo Chiến dịch Thanh niên tình
    # nguyện hè tỉnh', 'Ban Chỉ huy Chiến dịch …', 'Ban Chỉ đạo Tháng Thanh niên'): the union's, whose
    # secretary leads them; a bare 'Ban Chỉ đạo' after one is that one (see find_mentions).
    ("Ban Chỉ đạo Chiến dịch Thanh niên tình nguyện", "doan", "name"), ("Ban Chỉ đạo Chiến dịch tình nguyện", "doan", "name"),
    ("Ban Chỉ đạo Chiến dịch hè", "doan", "name"), ("Ban Chỉ đạo Tháng Thanh niên", "doan", "name"),
    ("Ban Chỉ huy Chiến dịch Thanh niên tình nguyện", "doan", "name"), ("Ban Chỉ huy Chiến dịch tình nguyện", "doan", "name"),
    ("Ban Chỉ huy Chiến dịch", "doan", "name"),
    ("Ban Chỉ huy Quân sự", "other", "name"), ("Ban CHQS", "other", "name"),
    ("Ban Thanh tra nhân dân", "other", "name"), ("Ban TTND", "other", "name"),
    # … and the residents' board that supervises public works (CONVENTIONS.md 4), in full or short.
    ("Ban Giám sát đầu tư của cộng đồng", "other", "name"), ("Ban Giám sát đầu tư cộng đồng", "other", "name"),
    ("Ban GSĐTCĐ", "other", "name"), ("Ban GSĐTCCĐ", "other", "name"),
    ("Trạm Y tế", "other", "name"), ("Bệnh viện", "other", "name"), ("Sở Tư pháp", "other", "name"),
    ("Phòng Tư pháp", "other", "name"), ("Trạm Khuyến nông", "other", "name"),
    ("Ban Giám đốc", "other", "name"), ("Ban Giám hiệu", "other", "name"),
    # Donors and other bodies that give through the organizations ('Công ty … trao 2 tỷ đồng').
    ("Công ty", "other", "name"), ("Tổng công ty", "other", "name"), ("Tập đoàn", "other", "name"),
    ("doanh nghiệp", "other", "name"),
    # Banks and firms known by their brand alone ('Agribank chi nhánh Phú Thọ tặng 20 suất quà').
    ("Agribank", "other", "name"), ("Vietcombank", "other", "name"), ("VietinBank", "other", "name"),
    ("BIDV", "other", "name"), ("Viettel", "other", "name"), ("VNPT", "other", "name"),
    ("các doanh nghiệp", "other", "name"), ("nhà hảo tâm", "other", "name"),
    # Credit institutions lend or give as banks do ('vận động tổ chức tín dụng, doanh nghiệp hỗ trợ …':
    # the donors the body called on, a list after its verb, not a subject of their own).
    ("tổ chức tín dụng", "other", "name"), ("các tổ chức tín dụng", "other", "name"),
    ("mạnh thường quân", "other", "name"), ("các mạnh thường quân", "other", "name"),
    ("cơ sở tôn giáo", "other", "name"), ("các cơ sở tôn giáo", "other", "name"),
    ("tổ chức tôn giáo", "other", "name"), ("các tổ chức tôn giáo", "other", "name"),
    ("các nhà hảo tâm", "other", "name"), ("nhà tài trợ", "other", "name"),
    ("ngân sách nhà nước", "other", "name"), ("Sở Nông nghiệp", "other", "name"),
    # The state budget of any level gives as a donor does ('ngân sách tỉnh cấp bổ sung 60 tỷ đồng').
    ("ngân sách tỉnh", "other", "name"), ("ngân sách huyện", "other", "name"), ("ngân sách xã", "other", "name"),
    ("ngân sách Trung ương", "other", "name"), ("ngân sách địa phương", "other", "name"),
    ("ngân sách các cấp", "other", "name"), ("ngân sách thành phố", "other", "name"),
    ("ngành nông nghiệp", "other", "name"), ("ngành chức năng", "other", "name"),
    ("cơ quan chức năng", "other", "name"), ("lực lượng chức năng", "other", "name"),
    ("cơ quan có thẩm quyền", "other", "name"), ("cơ quan chuyên môn", "other", "name"),
    ("các cơ quan có thẩm quyền", "other", "name"), ("các cơ quan chuyên môn", "other", "name"),
    ("các cơ quan chức năng", "other", "name"),
    # The state's institutions by their head noun, whatever they are called after it ('Trung tâm
    # Khuyến nông tỉnh', 'Trường THPT Lê Lợi', 'Sở Nội vụ', 'Chi cục Thủy lợi'): read only when
    # written as a name, capitalized and followed by a capitalized word (see _INSTITUTION_HEADS).
    ("Trung tâm", "other", "name"), ("Trường", "other", "name"), ("Viện", "other", "name"),
    ("Sở", "other", "name"), ("Phòng", "other", "name"), ("Cục", "other", "name"), ("Chi cục", "other", "name"),
    ("Trạm", "other", "name"), ("Ban Quản lý", "other", "name"), ("Bộ", "other", "name"),  # 'Bộ Quốc phòng'
    # … and the press, factories, academies, courts by the same rule ('Báo Tiền Phong', 'Đài Phát thanh …',
    # 'Nhà máy Xi măng …', 'Học viện Phụ nữ Việt Nam', 'Điện lực Điện Biên', 'Tòa án Nhân dân …').
    ("Báo", "other", "name"), ("Đài", "other", "name"), ("Nhà máy", "other", "name"), ("Xí nghiệp", "other", "name"),
    ("Học viện", "other", "name"), ("Đại học", "other", "name"), ("Điện lực", "other", "name"),
    ("Tòa án", "other", "name"), ("Viện kiểm sát", "other", "name"),
    # The army's units by their level, whatever their number or name ('Lữ đoàn Công binh 299', 'Sư đoàn 304').
    ("Quân khu", "other", "name"), ("Quân đoàn", "other", "name"), ("Binh đoàn", "other", "name"),
    ("Sư đoàn", "other", "name"), ("Lữ đoàn", "other", "name"), ("Trung đoàn", "other", "name"),
    ("Tiểu đoàn", "other", "name"), ("Hải đoàn", "other", "name"), ("Bộ Tư lệnh", "other", "name"),
    # The state's local administration by its common noun ('Chính quyền địa phương hỗ trợ thêm …').
    ("chính quyền địa phương", "other", "name"), ("chính quyền các cấp", "other", "name"),
    ("chính quyền cơ sở", "other", "name"), ("chính quyền xã", "other", "name"), ("chính quyền phường", "other", "name"),
    ("chính quyền huyện", "other", "name"), ("chính quyền tỉnh", "other", "name"),
    ("Trung ương Hội", "other", "name"), ("Tổng Liên đoàn Lao động", "congdoan", "name"),
    # Branches in a residential area, written with a small 'hội' / 'đoàn' ('Chi hội Phụ nữ bản').
    ("Chi hội Phụ nữ", "phunu", "name"), ("Chi hội Nông dân", "nongdan", "name"),
    ("Chi hội Cựu chiến binh", "ccb", "name"), ("Chi hội CCB", "ccb", "name"),
    ("Chi đoàn thanh niên", "doan", "name"), ("Chi đoàn", "doan", "name"),
    # Groups the organizations help, acting on their own ('các tổ hợp tác bán ra 42.000 đôi chiếu').
    ("các tổ hợp tác", "other", "name"), ("các hợp tác xã", "other", "name"),
    # Groups that name the organizations jointly: the socio-political organizations (the five
    # under the MTTQ) and the four that take entrusted loans of the Social Policy Bank.
    ("các tổ chức chính trị - xã hội", "ctxh", "group"), ("các tổ chức chính trị xã hội", "ctxh", "group"),
    ("các tổ chức chính trị-xã hội", "ctxh", "group"), ("các đoàn thể chính trị - xã hội", "ctxh", "group"),
    ("các đoàn thể chính trị-xã hội", "ctxh", "group"),
    ("các tổ chức CT-XH", "ctxh", "group"), ("tổ chức chính trị - xã hội", "ctxh", "group"),
    ("các đoàn thể", "ctxh", "group"), ("các tổ chức thành viên", "ctxh", "group"),
    ("các tổ chức thành viên của Mặt trận", "ctxh", "group"), ("các tổ chức đoàn thể", "ctxh", "group"),
    ("các hội, đoàn thể", "ctxh", "group"), ("các hội đoàn thể", "ctxh", "group"),
    ("các tổ chức chính trị - xã hội trực thuộc", "ctxh", "group"),
    # … and, right after the Front and 'cùng' or 'và', its organizations by the bare word ('Mặt trận
    # xã cùng các tổ chức vận động …'; see find_mentions).
    ("các tổ chức", "ctxh", "group"),
    ("các tổ chức hội", "hoi4", "group"), ("4 tổ chức hội", "hoi4", "group"), ("bốn tổ chức hội", "hoi4", "group"),
    ("4 tổ chức hội, đoàn thể", "hoi4", "group"), ("các tổ chức hội, đoàn thể", "hoi4", "group"),
    ("4 tổ chức chính trị - xã hội", "hoi4", "group"), ("các tổ chức nhận ủy thác", "hoi4", "group"),
    ("5 tổ chức chính trị - xã hội", "ctxh", "group"), ("5 đoàn thể chính trị - xã hội", "ctxh", "group"),
    # (the number written out, the five under the Front after the 2025 reform: 'Mặt trận xã và năm tổ chức chính
    # trị - xã hội trực thuộc …')
    ("năm tổ chức chính trị - xã hội", "ctxh", "group"), ("năm đoàn thể chính trị - xã hội", "ctxh", "group"),
    ("4 hội, đoàn thể", "hoi4", "group"),
    # (the associations and unions said by what they take: 'Dư nợ ủy thác qua các hội, đoàn thể nhận ủy thác …')
    ("các hội, đoàn thể nhận ủy thác", "hoi4", "group"), ("các tổ chức hội, đoàn thể nhận ủy thác", "hoi4", "group"),
    ("các đoàn thể nhận ủy thác", "hoi4", "group"),
    # (the number written out, as the digit: 'bốn tổ chức hội, đoàn thể của xã kết nạp …')
    ("bốn tổ chức hội, đoàn thể", "hoi4", "group"), ("bốn tổ chức chính trị - xã hội", "hoi4", "group"),
    ("bốn hội, đoàn thể", "hoi4", "group"), ("bốn tổ chức nhận ủy thác", "hoi4", "group"),
    ("bốn tổ chức hội nhận ủy thác", "hoi4", "group"),
    # (named short by their count where entrusted loans are told: 'Dư nợ ủy thác qua 4 tổ chức đạt …', 'của 4
    # tổ chức nhận ủy thác'; read as a name only there, see _FOUR_BODIES_AFTER_RE)
    ("4 tổ chức", "hoi4", "group"), ("bốn tổ chức", "hoi4", "group"),
    # … each of them ('mỗi tổ chức hội xây dựng ít nhất 2 mô hình'): the same bodies, each.
    ("mỗi tổ chức hội", "hoi4", "group"), ("từng tổ chức hội", "hoi4", "group"),
    ("mỗi tổ chức thành viên", "ctxh", "group"), ("từng tổ chức thành viên", "ctxh", "group"),
    ("mỗi tổ chức chính trị - xã hội", "ctxh", "group"), ("mỗi đoàn thể", "ctxh", "group"),
    # The front and the organizations under it together ('khối Mặt trận, đoàn thể huyện đã phối hợp …').
    ("khối Mặt trận, đoàn thể", "all", "group"), ("khối Mặt trận và các đoàn thể", "all", "group"),
    ("khối Mặt trận và đoàn thể", "all", "group"), ("Mặt trận, đoàn thể", "all", "group"),
    ("Mặt trận và các đoàn thể", "all", "group"),
    # Groups of several bodies: no single organization.
    ("các cơ quan, đơn vị", "", "generic"), ("các ngành", "", "generic"), ("khối dân vận", "", "generic"),
    # … the state's departments and the offices, schools and units of an area, as givers ('các sở, ban,
    # ngành và doanh nghiệp đã ủng hộ …': with a body not of the six they are other bodies, see _resolve).
    ("các sở, ban, ngành", "", "generic"), ("sở, ban, ngành", "", "generic"), ("các sở, ngành", "", "generic"),
    ("sở, ngành", "", "generic"), ("các ban, ngành", "", "generic"), ("ban, ngành", "", "generic"),
    ("các ban ngành", "", "generic"), ("ban ngành", "", "generic"), ("các cơ quan", "", "generic"),
    ("cơ quan, đơn vị", "", "generic"), ("trường học", "", "generic"), ("các trường học", "", "generic"),
    ("ban ngành, đoàn thể", "", "generic"), ("ban, ngành, đoàn thể", "", "generic"),
    ("các ban ngành, đoàn thể", "", "generic"), ("các ban, ngành, đoàn thể", "", "generic"),
    ("cả hệ thống chính trị", "", "generic"), ("hệ thống chính trị", "", "generic"),
]
# Back-references resolved against the conversation: 'Hội' means the association in focus.
_BACKREFS: list[tuple[str, str]] = [
    ("các cấp Hội", "hoi"), ("cấp Hội", "hoi"), ("toàn Hội", "hoi"), ("cơ sở Hội", "hoi"),
    ("Hội", "hoi"), ("Đoàn", "doan"), ("Mặt trận", "mttq"), ("Ban", "ban"),
]
HOI_ORGS = {"phunu", "nongdan", "ccb"}
# Members of the groups above.
GROUPS = {"ctxh": ["ccb", "congdoan", "doan", "nongdan", "phunu"], "hoi4": ["ccb", "doan", "nongdan", "phunu"],
          "all": ["mttq", "ccb", "congdoan", "doan", "nongdan", "phunu"]}

# Words after 'Hội'/'Đoàn' that make it something else ('Hội nghị', 'Đoàn công tác').
_NOT_HOI_NEXT = re.compile(
    r" ?(nghị|thi|thao|diễn|chợ|trại|đồng|viên|thảo|sách|quán|trường|khỏe|xuân|làng|chữ|người|"
    r"khuyến|luật|doanh|cựu thanh|nạn|bảo trợ|sinh|liên hiệp thanh|lhtn)(?![^\W\d_])"
)
# 'Ban' alone, capitalized, before a lower-case word ('Ban đã tham mưu …') is the body named 'Ban …'
# last (Ban Tuyên giáo và Dân vận, Ban Công tác Mặt trận); not a committee of another name
# ('Ban tổ chức', 'Ban Thường vụ') nor a word ('Ban hành', 'Ban đầu').
_NOT_BAN_NEXT = re.compile(
    r" (?:tổ chức|chỉ đạo|điều hành|thường vụ|thường trực|chấp hành|giám khảo|quản lý|công tác|đại diện|"
    r"biên tập|kiểm tra|thư ký|chủ nhiệm|hành|đầu|ngày|đêm|bố|phát|sơ|ngành|nhạc)(?![^\W\d_])"
)
_NOT_DOAN_NEXT = re.compile(
    r" ?(viên|kết|thể|công tác|giám sát|kiểm tra|đại biểu|khảo sát|văn công|nghệ thuật|xe|"
    r"thanh tra|cán bộ|liên ngành|học sinh|y|bác sĩ|tình nguyện|khách|đoàn|"
    # a delegation on its way ('Đoàn đi thăm các mô hình', 'Đoàn đã đến làm việc tại …'; not 'đến nay')
    r"(?:đã )?(?:đi|tới|về thăm|về làm việc|đến(?! nay| cuối| hết| năm| tháng| thời)))(?![^\W\d_])"
)

# The words after 'Hội' that make it a meeting or an event, not an association ('Hội nghị', 'Hội Thi …').
_HOI_EVENT_NEXT = re.compile(r" ?(?:nghị|thi|thao|diễn|chợ|trại|đồng|viên|thảo|sách|quán|trường|khỏe|xuân|làng)(?![^\W\d_])")

# A delegation ('đoàn công tác', 'Đoàn giám sát của …'): a bare 'Đoàn' after it is that delegation.
_DELEGATION_RE = re.compile(r"đoàn (?:công tác|giám sát|kiểm tra|khảo sát)(?: của)? ?")

# Between the Front and its organizations said by the bare word: its level at most, then 'cùng' or
# 'và' ('Mặt trận xã cùng các tổ chức …', 'Ủy ban MTTQ phường và các tổ chức …').
_WITH_FRONT_RE = re.compile(r"(?: [^\W\d_]+){0,2} (?:cùng|và) ")
# (… not when donors follow, nor when the organizations are listed right after: '… và các tổ chức trực
# thuộc (Hội LHPN, Đoàn Thanh niên …)' names them itself)
_DONORS_AFTER_RE = re.compile(r",? (?:và )?cá nhân(?![^\W\d_])|(?: trực thuộc| thành viên)?:? ?\(")
_THIS_AFTER_RE = re.compile(r" (?:này|đó|ấy|nói trên)(?![^\W\d_])")
_ASSOCIATIONS = ("phunu", "nongdan", "ccb")
# The four bodies that take the Social Policy Bank's entrusted loans named short, by their count ('Dư nợ ủy thác
# qua 4 tổ chức đạt …', 'của 4 tổ chức nhận ủy thác'): the group's name, as '4 tổ chức hội' (no figure, CONVENTIONS.md
# 23), where the noun ends there (a verb, 'nhận ủy thác', 'chỉ' or a stop after it), a word of 'through whom' stands
# before and the text around is about entrusted loans ('Tỷ lệ nợ quá hạn qua bốn tổ chức chỉ 0,12%'); '4 tổ chức tín dụng', 'thành lập 4 tổ chức đạt chuẩn' are counts.
_FOUR_BODIES_AFTER_RE = re.compile(r"(?:[,.;:)]| (?:đạt|nhận|đang|quản lý|là|tăng|giảm|chiếm|chỉ|còn|với|trên|tại|của)"
                                   r"(?![^\W\d_])|$)")
# (the words of entrusted lending: the trust itself, its balance, its overdue debt, its groups)
_ENTRUSTED_WORDS = ("ủy thác", "dư nợ", "nợ quá hạn", "vay vốn")
_THROUGH_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:qua|của|trong|giữa|cho) (?:cả )?$")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    org: str  # an org code, 'other', '' for a generic group, or 'hoi' (unresolved 'Hội')
    kind: str  # name, people, generic, backref
    orgs: list[str] = field(default_factory=list)  # set for an enumeration


def _compile() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    table: dict[str, tuple[str, str]] = {}
    for surface, org, kind in _NAMES:
        table.setdefault(canonical(surface), (org, "people" if kind == "member" else kind))
    for surface, org in _BACKREFS:
        table.setdefault(canonical(surface), (org, "backref"))
    return re.compile(trie_alternation(table, after_second=WORD_START_2) + r"(?![^\W_])"), table  # longest name first


_MENTION_RE, _TABLE = _compile()
_INSTITUTION_HEADS = frozenset(canonical(w) for w in ("Trung tâm", "Trường", "Viện", "Sở", "Phòng", "Cục", "Chi cục",
                                                       "Trạm", "Ban Quản lý", "Bộ", "Báo", "Đài", "Nhà máy", "Xí nghiệp",
                                                       "Học viện", "Đại học", "Điện lực", "Tòa án", "Viện kiểm sát"))
_MEMBER_KEYS = {canonical(surface) for surface, _org, kind in _NAMES if kind == "member"}
_CAPITALIZED = {canonical(s) for s, _ in _BACKREFS} | {"phụ nữ", "mặt trận"}


def find_mentions(text: str, key: str) -> list[Mention]:
    """Every organization mention, longest names first, no overlaps."""
    out: list[Mention] = []
    taken = 0  # the end of a name read on from a back-reference
    last_ban: str | None = None  # the body named 'Ban …' last
    last_steering: str | None = None  # the organization of the 'Ban Chỉ đạo …' named last by its full name
    for m in _MENTION_RE.finditer(key):
        k = m.group(1)
        org, kind = _TABLE[k]
        s, e = m.start(1), m.end(1)
        if s < taken:
            continue
        if k == "ban":
            if last_ban is not None and text[s].isupper() and text[e + 1:e + 2].islower() \
                    and not _NOT_BAN_NEXT.match(key, e):
                out.append(Mention(s, e, last_ban, "name"))
            continue
        if k == "ban chỉ đạo" and last_steering is not None and not text[e + 1:e + 2].isupper():
            org = last_steering  # 'Ban Chỉ đạo trao …' after 'Ban Chỉ đạo Chiến dịch Thanh niên tình nguyện …'
        elif k.startswith(("ban chỉ đạo ", "ban chỉ huy chiến dịch")):
            last_steering = org
        if k in ("4 tổ chức", "bốn tổ chức") and not (
                _FOUR_BODIES_AFTER_RE.match(key, e) and _THROUGH_BEFORE_RE.search(key, s - 12 if s > 12 else 0, s)
                and any(w in key[s - 200 if s > 200 else 0:e + 60] for w in _ENTRUSTED_WORDS)):
            continue  # a count of bodies, no name
        if k == "các tổ chức" and not (
                out and out[-1].org == "mttq" and _WITH_FRONT_RE.fullmatch(key, out[-1].end, s)
                and not _DONORS_AFTER_RE.match(key, e)):
            continue  # 'các tổ chức, cá nhân ủng hộ …', 'các tổ chức trong tỉnh': donors, or anyone
        if kind == "name" and k.startswith("ban "):
            last_ban = org
        if k == "ban thường trực" and text[e + 1:e + 2].isupper():
            continue  # 'Ban Thường trực Hội đồng thi đua …': the board of the body named after it
        if kind == "backref" and k != "hội" and k.endswith("hội"):
            # 'các cấp Hội Nông dân tỉnh': the levels of the association named right after.
            named = _MENTION_RE.match(key, e - 3)
            if named and _TABLE[named.group(1)][1] == "name":
                org, kind = _TABLE[named.group(1)]
                e = taken = named.end(1)
                out.append(Mention(s, e, org, kind))
                continue
        if k.endswith("ủy") and key.startswith(" viên", e) and not key[e + 5:e + 6].isalpha():
            continue  # 'Tỉnh ủy viên', 'Đảng ủy viên': a person's title, not the committee acting
        if k in _INSTITUTION_HEADS and not (text[s].isupper() and text[s + 1:s + 2].islower()
                                            and text[e + 1:e + 2].isupper() and key[e:e + 1] == " "):
            continue  # 'trường hợp', 'phòng chống', 'khu trung tâm', 'PHÒNG …' in a heading: no institution
        if kind == "backref" or k in ("đoàn", "hội"):
            # The bare word must be capitalized in the text: 'Hội', 'Đoàn' (or an all-caps heading).
            word_start = s + k.rfind(" ") + 1 if k not in ("mặt trận",) else s
            if not text[word_start].isupper():
                # 'các cấp hội' in lower case still refers to the association.
                if k not in ("các cấp hội", "cấp hội", "toàn hội", "cơ sở hội"):
                    continue
            if k == "hội" and key[e:e + 1] == " " and not text[s + 1:s + 2].isupper() and not _HOI_EVENT_NEXT.match(key, e) \
                    and ((text[e + 1:e + 2].isupper() and text[e + 2:e + 3].islower()) or key.startswith("người ", e + 1)):
                # 'Hội Người khuyết tật', 'Hội người Hoa', 'Hội Sinh vật cảnh', 'Hội Truyền thống Trường Sơn': an
                # association by a name of its own that is none of the six's (those are read whole above), unless
                # the word after 'Hội' makes it a meeting or an event ('Hội nghị', 'Hội Thi …', 'Hội trại').
                out.append(Mention(s, e, "other", "name"))
                continue
            if k.endswith("hội") and _NOT_HOI_NEXT.match(key, e):
                continue
            if k.endswith("đoàn") and _NOT_DOAN_NEXT.match(key, e):
                continue
            if k == "đoàn" and _is_name_part(text, s):
                continue
            if k == "đoàn" and key[e:e + 1] == " " and text[e + 1:e + 2].islower() \
                    and (sent := next(reversed(list(_DELEGATION_RE.finditer(key, max(0, s - 600), s))), None)) is not None:
                # 'đoàn công tác Hội Nông dân tỉnh về làm việc … Đoàn đi thăm …': the delegation
                # named before, whose body (named right after it) acts; no Youth Union.
                body = next((x for x in out if sent.end() <= x.start <= sent.end() + 12), None)
                if body is not None:
                    out.append(Mention(s, e, body.org, body.kind, list(body.orgs)))
                continue
        if k == "hội" and key[e:e + 1] == " ":
            if _THIS_AFTER_RE.match(key, e):
                # 'Hội này', 'Hội đó': the association named last, whichever it is.
                prior = next((x for x in reversed(out) if x.kind in ("name", "backref")
                              and (x.org in ("hoi", "other") and key.startswith("hội", x.start)
                                   or x.org in _ASSOCIATIONS)), None)
                if prior is not None:
                    out.append(Mention(s, e, prior.org, prior.kind))
                    continue
        if k == "phụ nữ" and kind == "people":
            # 'Hội viên phụ nữ' is handled above; a bare 'phụ nữ' is people only as a subject.
            pass
        out.append(Mention(s, e, org, kind, list(GROUPS[org]) if kind == "group" else []))
    return out


def _is_name_part(text: str, s: int) -> bool:
    """'phường Đoàn Kết', 'Nguyễn Thị Đoàn': a capitalized word right before makes it a name."""
    before = text[max(0, s - 12):s]
    m = re.search(r"(\w+) $", before)
    if not m:
        return False
    w = m.group(1)
    return w[:1].isupper() and canonical(w) not in {"các", "cấp", "toàn", "của", "với", "và", "ban", "trong", "đó",
                                                     "thường", "vụ", "trực", "hành", "chấp"}


# --- which organizations a text names (meetings: who is concerned, whom a task is for) ---------

# Groups that stand, in a meeting of the front, for all six (the MTTQ with its organizations).
_ALL_KEYS = {canonical("các cơ quan, đơn vị")}


def _named(text: str) -> tuple[set[str], bool]:
    text = nfc(text)
    key = match_key(text)
    orgs: set[str] = set()
    everyone = False
    for m in find_mentions(text, key):
        k = key[m.start:m.end]
        if m.kind == "group":
            everyone = everyone or m.org in ("ctxh", "all")
            orgs.update(m.orgs)
        elif k in _ALL_KEYS:
            everyone = True
        elif m.org in ORG_CODES and (m.kind in ("name", "backref") or k in _MEMBER_KEYS):
            orgs.add(m.org)
    return orgs, everyone


def orgs_named(text: str) -> list[str]:
    """Organizations a text names (by name, member word, back-reference or a group of them), in the
    order of ORG_CODES."""
    orgs, _ = _named(text)
    return [code for code in ORG_CODES if code in orgs]


def says_all(text: str) -> bool:
    """The text speaks of all six: 'các tổ chức chính trị - xã hội', 'các đoàn thể', 'các cơ quan, đơn vị'."""
    return _named(text)[1]


def orgs_of_subject(subject: str) -> list[str]:
    """Assignees of a task from its subject: all six for the collective phrases, else those named."""
    orgs, everyone = _named(subject)
    return list(ORG_CODES) if everyone else [code for code in ORG_CODES if code in orgs]


def org_of_position(position: str) -> str | None:
    """The organization of a person's office, from the position written with the name: the last of the
    six it names ('Ủy viên Ban Thường vụ Huyện ủy, Chủ tịch Ủy ban MTTQ Việt Nam huyện' → 'mttq', 'Chủ tịch
    Hội Nông dân huyện' → 'nongdan', 'Bí thư Huyện đoàn' → 'doan'); None when it names none of them
    ('Trưởng Ban Dân vận Huyện ủy') or only 'Hội' with no name."""
    text = nfc(position)
    last: str | None = None
    for m in find_mentions(text, match_key(text)):
        if m.kind == "name" and m.org in ORG_CODES:
            last = m.org
    return last

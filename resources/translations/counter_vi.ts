<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/account_dialog.py" line="30" />
        <source>My account — {0}</source>
        <translation>Tài khoản của tôi — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="37" />
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="38" />
        <source>New password (at least 8 characters)</source>
        <translation>Mật khẩu mới (ít nhất 8 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="39" />
        <source>New password again</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="41" />
        <location filename="../../ui/account_dialog.py" line="43" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="42" />
        <source>New PIN (4–8 digits)</source>
        <translation>Mã PIN mới (4–8 chữ số)</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="44" />
        <source>Screen-lock PIN</source>
        <translation>Mã PIN khóa màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="67" />
        <source>The two new passwords differ.</source>
        <translation>Hai mật khẩu mới không giống nhau.</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="69" />
        <source>Password changed.</source>
        <translation>Đã đổi mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="72" />
        <source>PIN changed.</source>
        <translation>Đã đổi mã PIN.</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/action_dialog.py" line="57" />
        <source>Processing officer or office</source>
        <translation>Cán bộ hoặc cơ quan giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="65" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="67" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="85" />
        <source>This cannot be undone.</source>
        <translation>Thao tác này không thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="89" />
        <source>{0} dossier {1}</source>
        <translation>{0} hồ sơ {1}</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="105" />
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="106" />
        <source>The applicant asked to stop</source>
        <translation>Người nộp hồ sơ đề nghị dừng</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="107" />
        <source>The office decided to stop</source>
        <translation>Cơ quan quyết định dừng</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="109" />
        <source>Requested by</source>
        <translation>Ai đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="123" />
        <source>Current due date</source>
        <translation>Hẹn trả hiện tại</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="124" />
        <source>New due date</source>
        <translation>Ngày hẹn trả mới</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="125" />
        <source>Proposed: 5 working days after the current due date (after today when it has passed). The apology letter (form 04) is printed for the citizen.</source>
        <translation>Đề xuất: 5 ngày làm việc sau ngày hẹn trả hiện tại (sau hôm nay nếu ngày hẹn đã qua). Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) sẽ được in cho người dân.</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="133" />
        <source>At the counter</source>
        <translation>Tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="133" />
        <source>By post</source>
        <translation>Qua bưu chính</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="135" />
        <source>Handed over</source>
        <translation>Hình thức trả</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="136" />
        <source>Recipient's full name</source>
        <translation>Họ tên người nhận</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="137" />
        <source>Recipient's CCCD number</source>
        <translation>Số CCCD người nhận</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="138" />
        <source>Authorisation reference (if not the applicant)</source>
        <translation>Số giấy ủy quyền (nếu không phải người nộp)</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="139" />
        <source>Postal tracking number</source>
        <translation>Số phiếu gửi bưu chính</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../ui/admin_view.py" line="57" />
        <source>Create user</source>
        <translation>Tạo người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="62" />
        <source>(the office name)</source>
        <translation>(tên cơ quan)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="64" />
        <source>Save office details</source>
        <translation>Lưu thông tin cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="67" />
        <source>A dossier received exactly at the cut-off is still same-day ("sau 15 giờ")</source>
        <translation>Hồ sơ nhận đúng giờ chốt vẫn tính trong ngày ("sau 15 giờ")</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="70" />
        <source>Keep one register per procedure field</source>
        <translation>Mỗi lĩnh vực một sổ theo dõi hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="71" />
        <source>Save rules</source>
        <translation>Lưu quy tắc</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="74" />
        <source>Add a searchable Vietnamese text layer to scans (OCR, when Tesseract is installed)</source>
        <translation>Thêm lớp chữ tiếng Việt tìm kiếm được vào bản quét (OCR, khi đã cài Tesseract)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="77" />
        <source>Save these settings</source>
        <translation>Lưu các cài đặt này</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="96" />
        <source>New user</source>
        <translation>Người dùng mới</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="99" />
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="100" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="101" />
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="102" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="103" />
        <source>Screen-lock PIN (4–8 digits, optional)</source>
        <translation>Mã PIN mở khóa (4–8 chữ số, không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="114" />
        <source>Agency code</source>
        <translation>Mã cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="115" />
        <source>Name</source>
        <translation>Tên cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="116" />
        <source>Province</source>
        <translation>Tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="117" />
        <source>Place name (before the date)</source>
        <translation>Địa danh (ghi trước ngày tháng)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="118" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="119" />
        <source>Parent body (first header line)</source>
        <translation>Cơ quan chủ quản (dòng đầu tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="120" />
        <source>Issuing office (second header line)</source>
        <translation>Cơ quan ban hành (dòng thứ hai tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="121" />
        <source>Office phone (on form 02)</source>
        <translation>Số điện thoại cơ quan (in trên Mẫu 02)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="136" />
        <source>Trusted root certificates: put the CA's .pem/.crt files in the folder «{0}» of the data folder</source>
        <translation>Chứng thư gốc tin cậy: đặt các tệp .pem/.crt của tổ chức cung cấp dịch vụ chứng thực vào thư mục «{0}» trong thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="143" />
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="143" />
        <source>Office</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="144" />
        <source>Rules</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="129" />
        <source>Cut-off for same-day procedures</source>
        <translation>Giờ chốt nhận hồ sơ trong ngày</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="145" />
        <source>Printers</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="146" />
        <source>Procedures without a time limit</source>
        <translation>Thủ tục chưa có thời hạn</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="147" />
        <source>Scans and digital signatures</source>
        <translation>Bản quét và chữ ký số</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="151" />
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="180" />
        <source>Rules saved.</source>
        <translation>Đã lưu các quy tắc.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="194" />
        <source>The agency code is part of every dossier code: it cannot change once dossiers exist.</source>
        <translation>Mã cơ quan nằm trong mã của mọi hồ sơ: đã có hồ sơ thì không thể thay đổi.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="255" />
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="135" />
        <source>Time-stamp authority (URL)</source>
        <translation>Máy chủ cấp dấu thời gian (URL)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="222" />
        <source>User {0} created.</source>
        <translation>Đã tạo người dùng {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="242" />
        <source>Office details saved.</source>
        <translation>Đã lưu thông tin cơ quan.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="250" />
        <source>The time-stamp authority's address must start with http:// or https://</source>
        <translation>Địa chỉ máy chủ cấp dấu thời gian phải bắt đầu bằng http:// hoặc https://</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/admin_view.py" line="1" />
        <source>Data protection</source>
        <translation>Bảo vệ dữ liệu</translation>
    </message>
</context>
<context>
    <name>CataloguePanel</name>
    <message>
        <location filename="../../ui/admin_catalogue.py" line="39" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/admin_catalogue.py" line="39" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/admin_catalogue.py" line="39" />
        <source>Published time limit</source>
        <translation>Thời hạn đã công bố</translation>
    </message>
    <message>
        <location filename="../../ui/admin_catalogue.py" line="49" />
        <source>e.g. 05 ngày làm việc, Trong ngày, 8 giờ, 15 ngày</source>
        <translation>ví dụ: 05 ngày làm việc, Trong ngày, 8 giờ, 15 ngày</translation>
    </message>
    <message>
        <location filename="../../ui/admin_catalogue.py" line="50" />
        <source>Set the time limit</source>
        <translation>Nhập thời hạn</translation>
    </message>
    <message>
        <location filename="../../ui/admin_catalogue.py" line="52" />
        <source>These procedures were imported without a time limit and are not offered at intake until one is set. Catalogue files are imported with «counter-app catalogue import FILE».</source>
        <translation>Các thủ tục này được nhập mà chưa có thời hạn giải quyết nên chưa được tiếp nhận cho đến khi có thời hạn. Tệp danh mục được nhập bằng lệnh «counter-app catalogue import TỆP».</translation>
    </message>
    <message>
        <location filename="../../ui/admin_catalogue.py" line="79" />
        <source>Choose a procedure in the list first.</source>
        <translation>Hãy chọn một thủ tục trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_catalogue.py" line="87" />
        <source>{0}: time limit set to «{1}»; the procedure is offered at intake.</source>
        <translation>{0}: đã nhập thời hạn «{1}»; thủ tục đã có thể tiếp nhận hồ sơ.</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/checklist_model.py" line="38" />
        <source>Handed in</source>
        <translation>Đã nộp</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="38" />
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="38" />
        <source>Original / copy</source>
        <translation>Bản chính / bản sao</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="38" />
        <source>Copies</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="39" />
        <source>To certify</source>
        <translation>Chứng thực</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="40" />
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="41" />
        <source>Certified copy</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="41" />
        <source>Copy</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="98" />
        <source>{0} (tick at least one):</source>
        <translation>{0} (đánh dấu ít nhất một):</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="119" />
        <source>If: {0}</source>
        <translation>Điều kiện: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="120" />
        <source>Form template: {0}</source>
        <translation>Mẫu đơn, tờ khai: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="121" />
        <source>Published: {0} original(s), {1} certified copy(ies), {2} copy(ies)</source>
        <translation>Theo công bố: {0} bản chính, {1} bản sao chứng thực, {2} bản sao</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="131" />
        <source>shown only</source>
        <translation>chỉ xuất trình</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="142" />
        <source>If {0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="144" />
        <source> (if any)</source>
        <translation> (nếu có)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="146" />
        <source> — show only, not handed in</source>
        <translation> — chỉ xuất trình, không nộp</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_model.py" line="148" />
        <source> — note</source>
        <translation> — ghi chú</translation>
    </message>
</context>
<context>
    <name>ChecklistTable</name>
    <message>
        <location filename="../../ui/checklist_view.py" line="29" />
        <source>Handed in · document · original or copy · copies · copies to certify</source>
        <translation>Đã nộp · giấy tờ · bản chính hay bản sao · số lượng · số bản cần chứng thực</translation>
    </message>
</context>
<context>
    <name>ConfirmationCard</name>
    <message>
        <location filename="../../ui/intake_outcome.py" line="162" />
        <source>Print again</source>
        <translation>In lại</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="163" />
        <source>Open the dossier (Ctrl+O)</source>
        <translation>Mở hồ sơ (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="185" />
        <source>Accepted: {0}</source>
        <translation>Đã tiếp nhận: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="186" />
        <source>{0} — due {1}</source>
        <translation>{0} — hẹn trả {1}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="33" />
        <source>Counter: program error</source>
        <translation>Counter: lỗi chương trình</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="37" />
        <source>An error in the program interrupted the last action. What was saved before it is kept; the screen stays open. Copy the report below and send it to support.</source>
        <translation>Một lỗi trong chương trình đã làm gián đoạn thao tác vừa rồi. Những gì đã lưu trước đó vẫn còn; màn hình vẫn mở. Hãy sao chép báo cáo dưới đây và gửi cho bộ phận hỗ trợ.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="45" />
        <source>Copy the report</source>
        <translation>Sao chép báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="54" />
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="58" />
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="58" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="58" />
        <source>Recipient</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="58" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="59" />
        <source>Label (phiếu gửi)</source>
        <translation>Nhãn (số phiếu gửi)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="59" />
        <source>Postage</source>
        <translation>Cước (đồng)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="59" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="68" />
        <source>Scan the label stuck on the selected envelope, or type it</source>
        <translation>Quét nhãn dán trên phong bì đang chọn, hoặc gõ số phiếu gửi</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="71" />
        <source>Postage paid by the citizen (đồng)</source>
        <translation>Cước công dân đã nộp (đồng)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="73" />
        <source>Postal worker's name</source>
        <translation>Họ tên nhân viên bưu chính</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="74" />
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="75" />
        <source>Record and print the record (Ctrl+K)</source>
        <translation>Ghi nhận và in biên bản (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="108" />
        <source>Returned by the post: {0}</source>
        <translation>Bưu chính chuyển hoàn: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="115" />
        <source>{0} result(s) to send by post, {1} labelled</source>
        <translation>{0} kết quả chờ gửi qua bưu chính, {1} đã dán nhãn</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="133" />
        <source>Dossier {0} is not waiting to go by post.</source>
        <translation>Hồ sơ {0} không nằm trong danh sách chờ gửi qua bưu chính.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="145" />
        <source>Select the dossier whose envelope carries this label.</source>
        <translation>Chọn hồ sơ của phong bì mang nhãn này trước.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="172" />
        <source>Label {0} on dossier {1}.</source>
        <translation>Nhãn {0} đã gắn với hồ sơ {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="180" />
        <source>No envelope has a label yet.</source>
        <translation>Chưa phong bì nào được dán nhãn.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_dispatch.py" line="195" />
        <source>Batch {0}: {1} result(s) handed to the post. The record prints in two copies.</source>
        <translation>Lô {0}: đã giao {1} kết quả cho bưu chính. Biên bản được in thành hai bản.</translation>
    </message>
</context>
<context>
    <name>DossierHeader</name>
    <message numerus="yes">
        <location filename="../../ui/dossier_header.py" line="32" />
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Quá hạn %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="34" />
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="49" />
        <source>Back (Esc)</source>
        <translation>Quay lại (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="62" />
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="62" />
        <source>CCCD number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="63" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="63" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="64" />
        <source>Accepted</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="64" />
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="65" />
        <source>Result delivery</source>
        <translation>Nhận kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="65" />
        <source>Fee</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="85" />
        <source>(no code)</source>
        <translation>(chưa có mã)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="93" />
        <source>by post to {0}</source>
        <translation>qua bưu chính tới {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="94" />
        <source>at the counter</source>
        <translation>tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_header.py" line="106" />
        <source>Missing: {0}</source>
        <translation>Thiếu: {0}</translation>
    </message>
</context>
<context>
    <name>DossierListView</name>
    <message>
        <location filename="../../ui/dossier_list.py" line="44" />
        <source>Search: code, name (diacritics optional), CCCD number or phone</source>
        <translation>Tìm: mã hồ sơ, họ tên (có hoặc không dấu), số CCCD hoặc điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="46" />
        <source>Any status</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="50" />
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="50" />
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="50" />
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="51" />
        <source>Ready to return</source>
        <translation>Chờ trả kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="51" />
        <source>Waiting for a supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="54" />
        <source>Procedure code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="55" />
        <source>Accepted from</source>
        <translation>Nhận từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="71" />
        <location filename="../../ui/dossier_list.py" line="162" />
        <source>All dossiers</source>
        <translation>Tất cả hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="72" />
        <source>Export to Excel (XLSX)…</source>
        <translation>Xuất Excel (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="95" />
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="162" />
        <source>Dossiers due today</source>
        <translation>Hồ sơ đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="163" />
        <source>Overdue dossiers</source>
        <translation>Hồ sơ quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="163" />
        <source>Results ready to return</source>
        <translation>Hồ sơ có kết quả chờ trả</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="164" />
        <source>Dossiers waiting for a supplement</source>
        <translation>Hồ sơ chờ bổ sung</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="167" />
        <source>, accepted {0}–{1}</source>
        <translation>, tiếp nhận {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="170" />
        <source>, matching “{0}”</source>
        <translation>, tìm “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="175" />
        <source>Export the list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="175" />
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="184" />
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="190" />
        <source>{0} dossiers exported to {1}</source>
        <translation>Đã xuất {0} hồ sơ vào {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="194" />
        <source> (scroll for more)</source>
        <translation> (cuộn xuống để xem thêm)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="195" />
        <source>{0} dossiers shown</source>
        <translation>Đang hiển thị {0} hồ sơ</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../ui/dossier_model.py" line="44" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="45" />
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="46" />
        <source>ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="47" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="48" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="49" />
        <source>Accepted</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="50" />
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="51" />
        <source>Days overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="162" />
        <source>(no code)</source>
        <translation>(chưa có mã)</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <location filename="../../ui/dossier_view.py" line="86" />
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="86" />
        <source>Original / copy</source>
        <translation>Bản chính / bản sao</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="86" />
        <source>Copies</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="86" />
        <source>Digitised</source>
        <translation>Số hóa</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="88" />
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="88" />
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="88" />
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="88" />
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="98" />
        <source>Documents received</source>
        <translation>Giấy tờ đã nhận</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="98" />
        <source>History</source>
        <translation>Lịch sử xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="123" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="134" />
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="134" />
        <source>Certified copy</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="134" />
        <source>Copy</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="141" />
        <source>signed PDF</source>
        <translation>PDF đã ký số</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="141" />
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="178" />
        <source>MODIFIED after signing!</source>
        <translation>ĐÃ BỊ SỬA ĐỔI sau khi ký!</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="180" />
        <source>Signed by {0}, intact</source>
        <translation>Đã ký bởi {0}, nguyên vẹn</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="182" />
        <source>trusted CA</source>
        <translation>CA tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="184" />
        <source>time-stamped</source>
        <translation>có dấu thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="186" />
        <source>long-term validation data</source>
        <translation>có dữ liệu kiểm tra dài hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="227" />
        <source>Sign digitised documents…</source>
        <translation>Ký số giấy tờ đã số hóa…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="232" />
        <source>Print a form…</source>
        <translation>In biểu mẫu…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="252" />
        <source>Signing…</source>
        <translation>Đang ký số…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="269" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../ui/report_drill.py" line="29" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../ui/report_drill.py" line="30" />
        <source>Code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/report_drill.py" line="30" />
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../ui/report_drill.py" line="30" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/report_drill.py" line="30" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/report_drill.py" line="31" />
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/report_drill.py" line="45" />
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n hồ sơ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunTour</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="109" />
        <source>Welcome to Counter</source>
        <translation>Chào mừng đến với phần mềm Một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="112" />
        <source>1 of 3 — Find your way</source>
        <translation>Bước 1/3 — Tìm đường</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="113" />
        <source>The sidebar on the left holds every section, with its key: Ctrl+1 home, Ctrl+2 intake, Ctrl+3 dossiers. The section in use is highlighted.</source>
        <translation>Thanh bên trái có mọi mục, kèm phím tắt: Ctrl+1 trang chủ, Ctrl+2 tiếp nhận, Ctrl+3 hồ sơ. Mục đang dùng được tô sáng.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="115" />
        <source>2 of 3 — A new dossier in a few keys</source>
        <translation>Bước 2/3 — Tiếp nhận hồ sơ với vài phím</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="116" />
        <source>Ctrl+2, a few letters of the procedure and Enter, scan the citizen's CCCD, tick the documents with Space, Ctrl+Enter: the dossier is accepted and slip 01 prints.</source>
        <translation>Ctrl+2, gõ vài chữ của thủ tục rồi Enter, quét CCCD của người dân, đánh dấu giấy tờ bằng phím cách, Ctrl+Enter: hồ sơ được tiếp nhận và giấy tiếp nhận (mẫu 01) được in.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="118" />
        <source>3 of 3 — Help is one key away</source>
        <translation>Bước 3/3 — Trợ giúp chỉ cách một phím</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="119" />
        <source>Press F1 on any screen for its guide and the list of keys. Ctrl+L locks the screen when you leave the counter.</source>
        <translation>Nhấn F1 ở bất kỳ màn hình nào để xem hướng dẫn và danh sách phím tắt. Ctrl+L khóa màn hình khi bạn rời quầy.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="132" />
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="133" />
        <location filename="../../ui/help_dialog.py" line="155" />
        <source>Next</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="134" />
        <source>Skip the tour</source>
        <translation>Bỏ qua phần giới thiệu</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="155" />
        <source>Start working</source>
        <translation>Bắt đầu làm việc</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="27" />
        <source>Sections: home, intake, dossiers, administration, sync, post, reports</source>
        <translation>Các mục: trang chủ, tiếp nhận, hồ sơ, quản trị, đồng bộ, bưu chính, báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="29" />
        <source>This help</source>
        <translation>Trợ giúp này</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="30" />
        <source>type, then Enter</source>
        <translation>gõ chữ, rồi Enter</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="31" />
        <source>Intake: find the procedure by a few letters, diacritics optional</source>
        <translation>Tiếp nhận: tìm thủ tục bằng vài chữ, không cần gõ dấu</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="32" />
        <source>CCCD QR scanner</source>
        <translation>Máy quét mã QR CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="33" />
        <source>Fills the applicant at once, whatever field has focus</source>
        <translation>Điền ngay thông tin người nộp, dù con trỏ đang ở ô nào</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="34" />
        <source>Space, F2</source>
        <translation>Phím cách, F2</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="35" />
        <source>Tick a document handed in; edit its kind or number of copies</source>
        <translation>Đánh dấu giấy tờ đã nộp; sửa loại hoặc số bản</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="36" />
        <source>Accept the dossier and print slip 01</source>
        <translation>Tiếp nhận hồ sơ và in giấy tiếp nhận (mẫu 01)</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="37" />
        <source>Send back to complete (form 02) / refuse (form 03)</source>
        <translation>Hướng dẫn bổ sung (mẫu 02) / từ chối (mẫu 03)</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="38" />
        <source>Scan the selected document</source>
        <translation>Quét giấy tờ đang chọn</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="39" />
        <source>barcode scanner</source>
        <translation>máy quét mã vạch</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="40" />
        <source>A dossier code opens that dossier, from any screen</source>
        <translation>Quét mã hồ sơ để mở hồ sơ đó, từ bất kỳ màn hình nào</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="41" />
        <source>Back from a dossier to the list</source>
        <translation>Từ một hồ sơ quay lại danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="42" />
        <source>Print a form</source>
        <translation>In biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="43" />
        <source>Lock the screen (unlock with your PIN or password; another person can log in)</source>
        <translation>Khóa màn hình (mở bằng mã PIN hoặc mật khẩu; người khác có thể đăng nhập)</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="45" />
        <source>My account: change my password or PIN</source>
        <translation>Tài khoản của tôi: đổi mật khẩu hoặc mã PIN</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="51" />
        <source>Home shows today's work: how many dossiers were received, are due today, are overdue, have a result to return or wait for a supplement. Click a tile for its list. The two lists below open a dossier with Enter. The sync line says when the office last talked to the province.</source>
        <translation>Trang chủ cho biết công việc hôm nay: số hồ sơ đã tiếp nhận, đến hạn hôm nay, quá hạn, có kết quả chờ trả hoặc chờ bổ sung. Bấm vào một ô để xem danh sách. Ở hai danh sách bên dưới, nhấn Enter để mở hồ sơ. Dòng đồng bộ cho biết lần gần nhất cơ quan gửi dữ liệu lên tỉnh.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="55" />
        <source>1. Type a few letters of the procedure and press Enter. 2. Scan the CCCD QR code: the applicant is filled in. 3. Tick each document handed in with Space. 4. Check the due date shown, then Ctrl+Enter accepts and prints the slip. When documents are missing, send the dossier back (Ctrl+B) or refuse it (Ctrl+R) with a reason.</source>
        <translation>1. Gõ vài chữ của tên thủ tục rồi nhấn Enter. 2. Quét mã QR trên CCCD: thông tin người nộp được điền sẵn. 3. Nhấn phím cách để đánh dấu từng giấy tờ đã nộp. 4. Xem ngày hẹn trả hiển thị, rồi nhấn Ctrl+Enter để tiếp nhận và in giấy hẹn. Khi thiếu giấy tờ, hướng dẫn bổ sung (Ctrl+B) hoặc từ chối (Ctrl+R) kèm lý do.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="60" />
        <source>Search by code, name (diacritics optional), CCCD number or phone. Click a column header to sort. Red rows are overdue. Export the list to Excel with the button at the top.</source>
        <translation>Tìm theo mã, tên (không cần dấu), số CCCD hoặc số điện thoại. Bấm tiêu đề cột để sắp xếp. Dòng màu đỏ là hồ sơ quá hạn. Xuất danh sách ra Excel bằng nút ở phía trên.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="63" />
        <source>The card at the top says the state and whether the dossier is overdue. The main action is the blue button; refusing, stopping and withdrawing are on the right and ask first. Esc goes back.</source>
        <translation>Thẻ ở trên cùng cho biết trạng thái và hồ sơ có quá hạn không. Thao tác chính là nút màu xanh; từ chối, dừng và rút hồ sơ nằm bên phải và luôn hỏi lại trước. Esc để quay lại.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="67" />
        <source>The counter sends its dossiers to the province by itself every few minutes. Without a network, write a USB bundle and bring back the acknowledgement file.</source>
        <translation>Máy tự gửi hồ sơ lên tỉnh vài phút một lần. Khi không có mạng, ghi gói dữ liệu ra USB và mang tệp xác nhận về.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="70" />
        <source>Users: create, deactivate, reset a password. Office: the details printed on every form. Printers: one per paper, with a test page. Signatures: the time-stamp authority.</source>
        <translation>Người dùng: tạo, khóa, đặt lại mật khẩu. Cơ quan: thông tin in trên mọi biểu mẫu. Máy in: mỗi khổ giấy một máy, có trang in thử. Ký số: máy chủ cấp dấu thời gian.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="81" />
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="83" />
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="83" />
        <source>What it does</source>
        <translation>Tác dụng</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="94" />
        <source>This screen</source>
        <translation>Màn hình này</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="97" />
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
</context>
<context>
    <name>HomePanel</name>
    <message>
        <location filename="../../ui/home_panel.py" line="99" />
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="100" />
        <location filename="../../ui/home_panel.py" line="158" />
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="101" />
        <location filename="../../ui/home_panel.py" line="159" />
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="102" />
        <source>Ready to return</source>
        <translation>Chờ trả kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="103" />
        <source>Waiting for a supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="104" />
        <source>Returned by the post</source>
        <translation>Bưu chính chuyển hoàn</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="107" />
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="109" />
        <source>New intake (Ctrl+2)</source>
        <translation>Tiếp nhận mới (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="113" />
        <source>Sync: not set up</source>
        <translation>Đồng bộ: chưa thiết lập</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="115" />
        <location filename="../../ui/home_panel.py" line="116" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="115" />
        <location filename="../../ui/home_panel.py" line="116" />
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="115" />
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="116" />
        <source>Overdue by</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/home_panel.py" line="181" />
        <source>Whole list</source>
        <translation>Xem cả danh sách</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/home_panel.py" line="203" />
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup: not checked yet</source>
        <translation>Sao lưu: chưa kiểm tra</translation>
    </message>
    <message>
        <source>The last attempt failed: {0}</source>
        <translation>Lần sao lưu gần nhất không thành công: {0}</translation>
    </message>
    <message>
        <source>No backup folder is set (Administration → Backup).</source>
        <translation>Chưa chọn thư mục sao lưu (Quản trị → Sao lưu).</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <location filename="../../ui/intake_view.py" line="108" />
        <source>Type part of the procedure's name or code, e.g. khai sinh</source>
        <translation>Gõ một phần tên hoặc mã thủ tục, ví dụ: khai sinh</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="160" />
        <location filename="../../ui/intake_view.py" line="546" />
        <source>No procedure chosen</source>
        <translation>Chưa chọn thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="118" />
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="120" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="120" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="120" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="128" />
        <source>Scan the selected document… (Ctrl+Q)</source>
        <translation>Quét giấy tờ đang chọn… (Ctrl+Q)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="156" />
        <source>e.g. Giấy ủy quyền số 12/2026</source>
        <translation>ví dụ: Giấy ủy quyền số 12/2026</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="162" />
        <source>Case</source>
        <translation>Trường hợp</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="171" />
        <source>1. Procedure</source>
        <translation>1. Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="181" />
        <source>2. Applicant (scan the CCCD QR code, or type)</source>
        <translation>2. Người nộp (quét mã QR CCCD hoặc nhập tay)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="186" />
        <location filename="../../ui/intake_view.py" line="196" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="187" />
        <location filename="../../ui/intake_view.py" line="196" />
        <source>CCCD number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="188" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="189" />
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="190" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="191" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="192" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="195" />
        <source>Representative, if someone else hands it in</source>
        <translation>Người được ủy quyền nộp thay (nếu có)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="368" />
        <source>✓ Filled from the CCCD QR code at {0}: check the face on the card.</source>
        <translation>✓ Điền từ QR CCCD lúc {0} — đối chiếu ảnh trên thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="448" />
        <source>Representative (if someone else hands it in)</source>
        <translation>Người được ủy quyền (nếu người khác nộp thay)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="565" />
        <source>Due: choose the procedure</source>
        <translation>Hẹn trả: hãy chọn thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="568" />
        <source>Due if accepted now: {0}</source>
        <translation>Hẹn trả nếu tiếp nhận ngay: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="197" />
        <source>Authorisation reference</source>
        <translation>Văn bản ủy quyền</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="199" />
        <source>3. Documents handed in (Space ticks, F2 edits)</source>
        <translation>3. Giấy tờ đã nộp (phím cách để đánh dấu, F2 để sửa)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="290" />
        <source> — not offered: no time limit stated; an administrator sets it</source>
        <translation> — chưa tiếp nhận: chưa có thời hạn giải quyết, quản trị viên cần nhập</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="294" />
        <source>… {0} more: type more of the name</source>
        <translation>… còn {0} thủ tục: gõ thêm tên để thu hẹp</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="324" />
        <source>(single case)</source>
        <translation>(một trường hợp)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="340" />
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;Time limit: {2}&lt;br&gt;Fee: {3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;Thời hạn giải quyết: {2}&lt;br&gt;Phí, lệ phí: {3}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake_view.py" line="351" />
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n ngày làm việc</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="403" />
        <source>Fee: {0}</source>
        <translation>Phí, lệ phí: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="398" />
        <source>Missing: {0}</source>
        <translation>Còn thiếu: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="413" />
        <source>A dossier with missing documents can only be sent back or refused.</source>
        <translation>Hồ sơ còn thiếu giấy tờ chỉ có thể hướng dẫn bổ sung hoặc từ chối, không thể tiếp nhận.</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="456" />
        <source>Recorded: {0} — {1}</source>
        <translation>Đã ghi nhận: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="467" />
        <source>Choose a document in the list first.</source>
        <translation>Hãy chọn một giấy tờ trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="488" />
        <source>{0} page(s) scanned for: {1}</source>
        <translation>Đã quét {0} trang cho: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_view.py" line="521" />
        <source> — {0} digitised document(s) saved</source>
        <translation> — đã lưu {0} giấy tờ số hóa</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/login.py" line="138" />
        <source>Screen locked — {0}</source>
        <translation>Màn hình đã khóa — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="139" />
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="141" />
        <source>Switch user</source>
        <translation>Đổi người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="146" />
        <source>PIN or password</source>
        <translation>Mã PIN hoặc mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="184" />
        <source>Wrong PIN or password.</source>
        <translation>Sai mã PIN hoặc mật khẩu.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="40" />
        <source>Counter — log in</source>
        <translation>Một cửa — đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="72" />
        <location filename="../../ui/login.py" line="75" />
        <source>Create the administrator</source>
        <translation>Tạo tài khoản quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="44" />
        <location filename="../../ui/login.py" line="49" />
        <location filename="../../ui/login.py" line="72" />
        <location filename="../../ui/login.py" line="75" />
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="73" />
        <source>First launch: create the administrator account.</source>
        <translation>Lần đầu sử dụng: hãy tạo tài khoản quản trị.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="53" />
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="54" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="55" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="77" />
        <source>Opening the data…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="88" />
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="129" />
        <source>Counter — one-stop counter</source>
        <translation>Một cửa — Bộ phận tiếp nhận và trả kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Counter</source>
        <translation>Một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231" />
        <source>; last sync {0}</source>
        <translation>; lần cuối {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234" />
        <source>Sync with the province: {0}.</source>
        <translation>Đồng bộ với tỉnh: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235" />
        <source>Last synced at {0}.</source>
        <translation>Lần đồng bộ gần nhất: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235" />
        <source>Never synced yet.</source>
        <translation>Chưa đồng bộ lần nào.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236" />
        <source>Waiting to send: {0}.</source>
        <translation>Đang chờ gửi: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255" />
        <source>Rating recorded for {0}</source>
        <translation>Đã ghi đánh giá của hồ sơ {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287" />
        <source>Printing: {0}</source>
        <translation>Đang in: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302" />
        <source>No printer chosen: the form opens as a PDF to print.</source>
        <translation>Chưa chọn máy in: mẫu được mở dưới dạng PDF để in.</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="28" />
        <source>Intake</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="29" />
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="30" />
        <source>Post</source>
        <translation>Bưu chính</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328" />
        <source>{0} signed document(s) time-stamped</source>
        <translation>Đã gắn dấu thời gian cho {0} giấy tờ đã ký</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="450" />
        <source>Scanned text is neither a dossier code nor a CCCD QR code.</source>
        <translation>Nội dung vừa quét không phải mã hồ sơ hay mã QR CCCD.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="511" />
        <source>The language changes at the next start.</source>
        <translation>Ngôn ngữ sẽ đổi ở lần mở chương trình tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="39" />
        <source>&amp;Counter</source>
        <translation>&amp;Một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="27" />
        <source>Home</source>
        <translation>Trang chủ</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="66" />
        <source>Print a form…</source>
        <translation>In biểu mẫu…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="68" />
        <source>Lock the screen</source>
        <translation>Khóa màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="31" />
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="32" />
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="69" />
        <source>My account (password, PIN)…</source>
        <translation>Tài khoản của tôi (mật khẩu, mã PIN)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="71" />
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="73" />
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="74" />
        <source>Customer rating window</source>
        <translation>Màn hình đánh giá cho người dân</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="33" />
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="83" />
        <source>Ask for a rating after intake too</source>
        <translation>Mời đánh giá cả sau khi tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="91" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1" />
        <source>Recovery sheet</source>
        <translation>Tờ khôi phục</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1" />
        <source>The data is encrypted. The recovery sheet was saved as «{0}» and opened: print it, lock it away (whoever holds it can read the data), then delete the file.</source>
        <translation>Dữ liệu đã được mã hóa. Tờ khôi phục đã được lưu thành «{0}» và mở ra: hãy in, cất vào tủ có khóa (ai cầm tờ này cũng đọc được dữ liệu), rồi xóa tệp.</translation>
    </message>
</context>
<context>
    <name>OutcomeBox</name>
    <message>
        <location filename="../../ui/intake_outcome.py" line="43" />
        <source>4. Channel, result delivery, due date and outcome</source>
        <translation>4. Hình thức nộp, nhận kết quả, hẹn trả và kết quả tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="45" />
        <location filename="../../ui/intake_outcome.py" line="51" />
        <source>At the counter</source>
        <translation>Tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="45" />
        <location filename="../../ui/intake_outcome.py" line="51" />
        <source>By post</source>
        <translation>Qua bưu chính</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="45" />
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="49" />
        <source>Postal item number (phiếu gửi), e.g. EB000010042VN</source>
        <translation>Số phiếu gửi bưu chính, ví dụ EB000010042VN</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="53" />
        <source>Address for the postal return</source>
        <translation>Địa chỉ nhận kết quả qua bưu chính</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="54" />
        <source>Due: choose the procedure</source>
        <translation>Hẹn trả: hãy chọn thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="59" />
        <source>Accept and print slip (Ctrl+Enter)</source>
        <translation>Tiếp nhận và in giấy hẹn (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="60" />
        <source>Send back to complete — form 02 (Ctrl+B)</source>
        <translation>Hướng dẫn bổ sung — mẫu 02 (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="61" />
        <source>Refuse — form 03 (Ctrl+R)</source>
        <translation>Từ chối — mẫu 03 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="62" />
        <source>Clear (Ctrl+N)</source>
        <translation>Làm mới (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="70" />
        <source>Received</source>
        <translation>Nộp</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="73" />
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="129" />
        <source>Why is the dossier refused? (printed on form 03; Enter refuses)</source>
        <translation>Lý do từ chối (in trên mẫu 03; nhấn Enter để từ chối)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_outcome.py" line="131" />
        <source>What must the citizen bring? (printed on form 02; Enter sends back)</source>
        <translation>Người dân cần bổ sung gì? (in trên mẫu 02; nhấn Enter để hướng dẫn bổ sung)</translation>
    </message>
</context>
<context>
    <name>OutcomePanel</name>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="51" />
        <source>Scan or type the phiếu gửi number</source>
        <translation>Quét hoặc gõ số phiếu gửi</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="53" />
        <location filename="../../ui/postal_outcomes.py" line="69" />
        <source>Delivered</source>
        <translation>Đã phát</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="53" />
        <location filename="../../ui/postal_outcomes.py" line="70" />
        <source>Returned to sender (chuyển hoàn)</source>
        <translation>Chuyển hoàn</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="58" />
        <source>Reason given by the post (required for a return)</source>
        <translation>Lý do bưu chính ghi (bắt buộc khi chuyển hoàn)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="59" />
        <source>Record the outcome (Ctrl+Enter)</source>
        <translation>Ghi kết quả phát (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="60" />
        <source>Import the post's status file…</source>
        <translation>Nhập tệp trạng thái của bưu điện…</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="62" />
        <source>Export the dispatch list for the post…</source>
        <translation>Xuất danh sách bưu gửi cho bưu điện…</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="75" />
        <source>One item</source>
        <translation>Từng bưu gửi</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="63" />
        <location filename="../../ui/postal_outcomes.py" line="77" />
        <source>Phiếu gửi</source>
        <translation>Số phiếu gửi</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="63" />
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="63" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="63" />
        <source>Recipient</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="64" />
        <location filename="../../ui/postal_outcomes.py" line="77" />
        <source>Outcome</source>
        <translation>Kết quả phát</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="64" />
        <location filename="../../ui/postal_outcomes.py" line="78" />
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="64" />
        <location filename="../../ui/postal_outcomes.py" line="78" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="69" />
        <source>With the post</source>
        <translation>Bưu chính đang phát</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="81" />
        <source>Files exchanged with the post</source>
        <translation>Tệp trao đổi với bưu điện</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="83" />
        <source>Dispatch batch:</source>
        <translation>Lô gửi:</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="138" />
        <source>{0}: {1} recorded for dossier {2}.</source>
        <translation>{0}: đã ghi «{1}» cho hồ sơ {2}.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="158" />
        <source>{0} row(s) read, {1} new outcome(s) recorded.</source>
        <translation>Đã đọc {0} dòng, ghi mới {1} kết quả phát.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="170" />
        <source>Saved: {0}</source>
        <translation>Đã lưu: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="173" />
        <source>The post's status file</source>
        <translation>Tệp trạng thái của bưu điện</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="174" />
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>Bảng tính (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="183" />
        <source>Dispatch list</source>
        <translation>Danh sách bưu gửi</translation>
    </message>
    <message>
        <location filename="../../ui/postal_outcomes.py" line="184" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Bảng tính (*.xlsx *.csv)</translation>
    </message>
</context>
<context>
    <name>PostalView</name>
    <message>
        <location filename="../../ui/postal_view.py" line="30" />
        <source>Receive dossiers from the post</source>
        <translation>Nhận hồ sơ từ bưu điện</translation>
    </message>
    <message>
        <location filename="../../ui/postal_view.py" line="31" />
        <source>Send results by post</source>
        <translation>Gửi kết quả qua bưu điện</translation>
    </message>
    <message>
        <location filename="../../ui/postal_view.py" line="32" />
        <source>Delivery outcomes</source>
        <translation>Kết quả phát</translation>
    </message>
</context>
<context>
    <name>PrintFormDialog</name>
    <message>
        <location filename="../../ui/print_dialog.py" line="45" />
        <source>Print a form</source>
        <translation>In biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="47" />
        <source>Dossier code, e.g. 000.00.12.H12-261120-0001</source>
        <translation>Mã hồ sơ, ví dụ 000.00.12.H12-261120-0001</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="51" />
        <location filename="../../ui/print_dialog.py" line="116" />
        <source>Register of dossiers</source>
        <translation>Sổ theo dõi hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="58" />
        <source>all fields</source>
        <translation>mọi lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="64" />
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="65" />
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="66" />
        <source>Print now</source>
        <translation>In ngay</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="67" />
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="68" />
        <source>Save XLSX…</source>
        <translation>Lưu XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="85" />
        <source>Dossier code:</source>
        <translation>Mã hồ sơ:</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="86" />
        <source>Form:</source>
        <translation>Biểu mẫu:</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="87" />
        <source>From:</source>
        <translation>Từ ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="88" />
        <source>To:</source>
        <translation>Đến ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="89" />
        <source>Field (register):</source>
        <translation>Lĩnh vực (sổ theo dõi):</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="122" />
        <source>Drawing the form…</source>
        <translation>Đang tạo biểu mẫu…</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="134" />
        <source>Sending to the printer…</source>
        <translation>Đang gửi tới máy in…</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="139" />
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="139" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="146" />
        <location filename="../../ui/print_dialog.py" line="170" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="156" />
        <source>Save XLSX</source>
        <translation>Lưu XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="156" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="175" />
        <source>Saved {0}</source>
        <translation>Đã lưu {0}</translation>
    </message>
    <message>
        <location filename="../../ui/print_dialog.py" line="179" />
        <source>Printed {0} page(s) on {1}.</source>
        <translation>Đã in {0} trang trên máy in {1}.</translation>
    </message>
</context>
<context>
    <name>PrintService</name>
    <message>
        <location filename="../../ui/print_service.py" line="46" />
        <source>Print {0}</source>
        <translation>In {0}</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="61" />
        <source>Preview: {0}</source>
        <translation>Xem trước: {0}</translation>
    </message>
</context>
<context>
    <name>PrintersPanel</name>
    <message>
        <location filename="../../ui/admin_printers.py" line="18" />
        <source>A5 — slips and forms 01–06</source>
        <translation>A5 — giấy hẹn và các mẫu 01–06</translation>
    </message>
    <message>
        <location filename="../../ui/admin_printers.py" line="19" />
        <source>A4 — postal hand-over records</source>
        <translation>A4 — biên bản giao nhận bưu chính</translation>
    </message>
    <message>
        <location filename="../../ui/admin_printers.py" line="20" />
        <source>A4 landscape — the register</source>
        <translation>A4 ngang — sổ theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/admin_printers.py" line="21" />
        <source>80 mm roll — receipt printer</source>
        <translation>Cuộn 80 mm — máy in hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/admin_printers.py" line="40" />
        <source>Print a test page</source>
        <translation>In trang thử</translation>
    </message>
    <message>
        <location filename="../../ui/admin_printers.py" line="46" />
        <source>Forms print on the printer chosen for their paper without asking. The test page has a 10 cm ruler to check the scale.</source>
        <translation>Biểu mẫu được in thẳng ra máy in đã chọn cho khổ giấy của nó. Trang in thử có thước 10 cm để kiểm tra tỷ lệ.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_printers.py" line="61" />
        <source>(the system's default printer)</source>
        <translation>(máy in mặc định của hệ thống)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_printers.py" line="81" />
        <source>No printer is installed on this computer.</source>
        <translation>Máy tính này chưa cài máy in nào.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_printers.py" line="85" />
        <source>Test page sent to {0}.</source>
        <translation>Đã gửi trang in thử tới {0}.</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/procedure_picker.py" line="22" />
        <source>Procedure: type part of its name or code, then Enter</source>
        <translation>Thủ tục: gõ một phần tên hoặc mã, rồi Enter</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_picker.py" line="25" />
        <location filename="../../ui/procedure_picker.py" line="41" />
        <source>No procedure chosen</source>
        <translation>Chưa chọn thủ tục</translation>
    </message>
</context>
<context>
    <name>RatingWindow</name>
    <message>
        <location filename="../../ui/rating_window.py" line="27" />
        <source>Customer rating</source>
        <translation>Đánh giá mức độ hài lòng</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <location filename="../../ui/postal_receipt.py" line="58" />
        <source>No batch open: scan the first phiếu gửi, or Ctrl+N</source>
        <translation>Chưa mở lô: quét phiếu gửi đầu tiên, hoặc Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="63" />
        <source>Resume</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="64" />
        <source>New batch (Ctrl+N)</source>
        <translation>Lô mới (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="66" />
        <source>Postal worker's name (printed on the record)</source>
        <translation>Họ tên nhân viên bưu chính (in trên biên bản)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="69" />
        <source>Scan or type the phiếu gửi number, e.g. EB123456785VN</source>
        <translation>Quét hoặc gõ số phiếu gửi, ví dụ EB123456785VN</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="78" />
        <source>Where the result goes back by post</source>
        <translation>Địa chỉ nhận kết quả qua bưu chính</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="94" />
        <source>Add the envelope to the batch (Ctrl+Enter)</source>
        <translation>Đưa phong bì vào lô (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="95" />
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="95" />
        <location filename="../../ui/postal_receipt.py" line="123" />
        <source>Phiếu gửi</source>
        <translation>Số phiếu gửi</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="95" />
        <location filename="../../ui/postal_receipt.py" line="124" />
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="95" />
        <location filename="../../ui/postal_receipt.py" line="123" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="96" />
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="104" />
        <source>Take the selected envelope out (Del)</source>
        <translation>Bỏ phong bì đang chọn khỏi lô (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="105" />
        <source>Close the batch and print the record (Ctrl+K)</source>
        <translation>Đóng lô, in biên bản (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="114" />
        <source>Open batches:</source>
        <translation>Lô đang mở:</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="119" />
        <source>Envelope</source>
        <translation>Phong bì</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="121" />
        <source>Applicant (scan the CCCD QR)</source>
        <translation>Người nộp (quét mã QR CCCD)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="124" />
        <source>CCCD number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="125" />
        <source>Return address</source>
        <translation>Địa chỉ nhận kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="130" />
        <source>Documents (Space ticks)</source>
        <translation>Giấy tờ (Space để đánh dấu)</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="134" />
        <source>Envelopes in this batch</source>
        <translation>Phong bì trong lô</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="208" />
        <source>open</source>
        <translation>đang mở</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="208" />
        <source>closed</source>
        <translation>đã đóng</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="209" />
        <source>Batch {0} ({1}): {2} envelope(s), {3} incomplete</source>
        <translation>Lô {0} ({1}): {2} phong bì, {3} chưa đầy đủ</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="212" />
        <source>Missing: {0}</source>
        <translation>Thiếu: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="212" />
        <source>Complete</source>
        <translation>Đầy đủ</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="240" />
        <source>Phiếu gửi {0}: scan the CCCD QR and choose the procedure.</source>
        <translation>Phiếu gửi {0}: quét mã QR CCCD và chọn thủ tục.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="253" />
        <source>Filled from the CCCD QR code: {0}</source>
        <translation>Đã điền từ mã QR CCCD: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="291" />
        <source>Incomplete, will be sent back with form 02: {0}</source>
        <translation>Chưa đầy đủ, sẽ trả lại kèm Mẫu 02: thiếu {0}</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="306" />
        <source>Scan the phiếu gửi first.</source>
        <translation>Quét số phiếu gửi trước.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="309" />
        <source>Choose the procedure first.</source>
        <translation>Chọn thủ tục trước.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="319" />
        <source>Envelope {0} added ({1}). Scan the next phiếu gửi.</source>
        <translation>Đã đưa phong bì {0} vào lô ({1}). Quét phiếu gửi tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="320" />
        <source>incomplete</source>
        <translation>chưa đầy đủ</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="320" />
        <source>complete</source>
        <translation>đầy đủ</translation>
    </message>
    <message>
        <location filename="../../ui/postal_receipt.py" line="357" />
        <source>Batch {0} closed: {1} accepted, {2} sent back. The record prints in two copies.</source>
        <translation>Đã đóng lô {0}: tiếp nhận {1}, trả lại {2}. Biên bản được in thành hai bản.</translation>
    </message>
</context>
<context>
    <name>ReplaceForm</name>
    <message>
        <source>This PC replaces a dead counter (rebuild from the hub)</source>
        <translation>Máy này thay cho một máy quầy đã hỏng (dựng lại dữ liệu từ máy chủ tỉnh)</translation>
    </message>
    <message>
        <source>the dead counter&apos;s device id, from the province</source>
        <translation>mã máy (device id) của máy hỏng, do tỉnh cung cấp</translation>
    </message>
    <message>
        <source>The one-time code must be a replacement code from the province&apos;s administrator. The dead counter will be refused by the hub.</source>
        <translation>Mã dùng một lần phải là mã thay máy do quản trị viên tỉnh cấp. Máy hỏng sẽ bị máy chủ tỉnh từ chối.</translation>
    </message>
    <message>
        <source>Device replaced</source>
        <translation>Máy được thay</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Đang đăng ký…</translation>
    </message>
    <message>
        <source>Rebuilding dossiers: {0}</source>
        <translation>Đang dựng lại hồ sơ: {0}</translation>
    </message>
    <message>
        <source>Fetching scans: {0} / {1}</source>
        <translation>Đang tải tệp quét: {0} / {1}</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/report_view.py" line="72" />
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="72" />
        <source>Week</source>
        <translation>Tuần</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="72" />
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="72" />
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="73" />
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="73" />
        <source>Custom</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="82" />
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="83" />
        <source>Export XLSX…</source>
        <translation>Xuất XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="83" />
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="89" />
        <source>By field</source>
        <translation>Theo lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="89" />
        <source>By clerk</source>
        <translation>Theo cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="89" />
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="92" />
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="98" />
        <source>Double-click or Enter on a count: the dossiers behind it</source>
        <translation>Nhấp đúp hoặc Enter vào một số liệu: xem các hồ sơ tạo nên số đó</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="105" />
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="105" />
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="144" />
        <source>Any day of the period</source>
        <translation>Một ngày bất kỳ trong kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="163" />
        <source>Working…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="169" />
        <source>{0}: {1} (previous period {2}); as of {3}</source>
        <translation>{0}: {1} (kỳ trước {2}); tính đến {3}</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="181" />
        <source>no change</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="208" />
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="218" />
        <source>Saved: {0}</source>
        <translation>Đã lưu: {0}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/status_items.py" line="15" />
        <source>One-stop clerk</source>
        <translation>Cán bộ một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/status_items.py" line="16" />
        <source>Leader</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../ui/status_items.py" line="17" />
        <source>Postal staff</source>
        <translation>Nhân viên bưu chính</translation>
    </message>
    <message>
        <location filename="../../ui/status_items.py" line="18" />
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <location filename="../../ui/scan_dialog.py" line="124" />
        <source>Scan: {0}</source>
        <translation>Quét: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="126" />
        <source>Scanner (SANE name or eSCL address) or image files</source>
        <translation>Máy quét (tên SANE hoặc địa chỉ eSCL) hoặc tệp ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="129" />
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="129" />
        <source>Grey</source>
        <translation>Xám</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="130" />
        <source>Black and white</source>
        <translation>Đen trắng</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="134" />
        <source>Flatbed</source>
        <translation>Mặt kính</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="135" />
        <source>Document feeder</source>
        <translation>Khay nạp giấy</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="143" />
        <source>Scan (F5)</source>
        <translation>Quét (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="144" />
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="145" />
        <source>Watch scan folder…</source>
        <translation>Theo dõi thư mục quét…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="147" />
        <source>Rotate (R)</source>
        <translation>Xoay (R)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="148" />
        <source>Delete (Del)</source>
        <translation>Xóa (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="183" />
        <source>{0} page(s) recovered from an interrupted scan.</source>
        <translation>Đã khôi phục {0} trang của lần quét bị gián đoạn.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="232" />
        <location filename="../../ui/scan_dialog.py" line="338" />
        <source>Processing…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="375" />
        <source>Some pages are still being processed or could not be read.</source>
        <translation>Có trang đang được xử lý hoặc không đọc được.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="210" />
        <source>Scanning…</source>
        <translation>Đang quét…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="219" />
        <source>Images or scanned PDFs (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>Ảnh hoặc PDF quét (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="220" />
        <source>Add files</source>
        <translation>Thêm tệp</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="229" />
        <source>Scanning… page {0} received</source>
        <translation>Đang quét… đã nhận trang {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="265" />
        <source>{0} page(s) scanned; {1} to rescan or delete.</source>
        <translation>Đã quét {0} trang; {1} trang cần quét lại hoặc xóa.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="275" />
        <source>Folder the scanner saves into</source>
        <translation>Thư mục máy quét lưu tệp vào</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="281" />
        <source>Waiting for files in {0}…</source>
        <translation>Đang chờ tệp trong {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="315" />
        <source>OK</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="317" />
        <source>Blank: left out</source>
        <translation>Trang trắng: bỏ qua</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="379" />
        <source>Pages {0} must be rescanned or deleted first.</source>
        <translation>Các trang {0} cần quét lại hoặc xóa trước.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>Typed address or files (below)</source>
        <translation>Địa chỉ hoặc tệp nhập bên dưới</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>Search again</source>
        <translation>Tìm lại</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>Select a page to see it large here.</source>
        <translation>Chọn một trang để xem lớn ở đây.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>{0} (network)</source>
        <translation>{0} (mạng)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>&amp;Scanner:</source>
        <translation>&amp;Máy quét:</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>&amp;Address:</source>
        <translation>Địa &amp;chỉ:</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>&amp;Resolution:</source>
        <translation>Độ &amp;phân giải:</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>Colour &amp;mode:</source>
        <translation>Chế độ mà&amp;u:</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>&amp;Paper source:</source>
        <translation>&amp;Nguồn giấy:</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>Page {0} — {1}</source>
        <translation>Trang {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="0" />
        <source>Page {0} of {1}</source>
        <translation>Trang {0} / {1}</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../ui/sign_dialog.py" line="19" />
        <source>Sign the digitised documents</source>
        <translation>Ký số các giấy tờ đã số hóa</translation>
    </message>
    <message>
        <location filename="../../ui/sign_dialog.py" line="21" />
        <source>Certificate file (.p12, .pfx)</source>
        <translation>Tệp chứng thư số (.p12, .pfx)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_dialog.py" line="22" />
        <source>USB token (PKCS#11)</source>
        <translation>USB token (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_dialog.py" line="24" />
        <source>Path of the .p12 file, or of the token's PKCS#11 library</source>
        <translation>Đường dẫn tệp .p12, hoặc thư viện PKCS#11 của token</translation>
    </message>
    <message>
        <location filename="../../ui/sign_dialog.py" line="26" />
        <source>Token label (USB token only)</source>
        <translation>Nhãn token (chỉ với USB token)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_dialog.py" line="31" />
        <source>Key</source>
        <translation>Khóa ký</translation>
    </message>
    <message>
        <location filename="../../ui/sign_dialog.py" line="32" />
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../ui/sign_dialog.py" line="33" />
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../ui/sign_dialog.py" line="34" />
        <source>PIN or passphrase</source>
        <translation>Mã PIN hoặc mật khẩu</translation>
    </message>
</context>
<context>
    <name>StatusItems</name>
    <message>
        <location filename="../../ui/status_items.py" line="29" />
        <source>Not logged in</source>
        <translation>Chưa đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/status_items.py" line="30" />
        <source>Opening the data…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/status_items.py" line="31" />
        <source>Sync: not set up</source>
        <translation>Đồng bộ: chưa thiết lập</translation>
    </message>
    <message>
        <location filename="../../ui/status_items.py" line="32" />
        <source>Outbox: —</source>
        <translation>Chờ gửi: —</translation>
    </message>
    <message>
        <location filename="../../ui/status_items.py" line="43" />
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/status_items.py" line="46" />
        <source>Sync: {0}</source>
        <translation>Đồng bộ: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/status_items.py" line="47" />
        <source>Outbox: {0}</source>
        <translation>Chờ gửi: {0}</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../ui/sync_view.py" line="0" />
        <source>New version of Counter</source>
        <translation>Phiên bản Counter mới</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="0" />
        <source>none announced</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="0" />
        <source>{0}: ready, installs at the next start</source>
        <translation>{0}: đã tải xong, sẽ cài khi mở lại ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="0" />
        <source>{0}: installed</source>
        <translation>{0}: đã cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="0" />
        <source>{0}: downloading, {1} of {2} MB</source>
        <translation>{0}: đang tải, {1}/{2} MB</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="48" />
        <source>Code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="48" />
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="48" />
        <source>At the province</source>
        <translation>Đã lên tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="54" />
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="58" />
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="59" />
        <source>Enrol with the hub</source>
        <translation>Đăng ký với máy chủ tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="60" />
        <source>Write a USB bundle…</source>
        <translation>Ghi gói dữ liệu ra USB…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="61" />
        <source>Read the hub's acknowledgement…</source>
        <translation>Đọc tệp xác nhận của tỉnh…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="74" />
        <source>Provincial hub</source>
        <translation>Máy chủ tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="76" />
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="77" />
        <source>Waiting to be sent</source>
        <translation>Đang chờ gửi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="78" />
        <source>Last complete sync</source>
        <translation>Lần đồng bộ xong gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="81" />
        <source>Set-up and USB</source>
        <translation>Thiết lập và USB</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="83" />
        <source>Hub address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="84" />
        <source>One-time code</source>
        <translation>Mã đăng ký một lần</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="86" />
        <source>Warn when nothing has synced for</source>
        <translation>Cảnh báo khi chưa đồng bộ sau</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="90" />
        <source>Conflicts to resolve</source>
        <translation>Xung đột cần xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="93" />
        <source>Recent dossiers</source>
        <translation>Hồ sơ gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="107" />
        <source>never</source>
        <translation>chưa bao giờ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="134" />
        <source>yes</source>
        <translation>rồi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="134" />
        <source>not yet</source>
        <translation>chưa</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="140" />
        <source>Enrolling…</source>
        <translation>Đang đăng ký…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="148" />
        <source>Enrolled with {0} for office {1}.</source>
        <translation>Đã đăng ký với {0} cho cơ quan {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="152" />
        <source>USB stick or folder</source>
        <translation>USB hoặc thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="161" />
        <source>Bundle written: {0}</source>
        <translation>Đã ghi gói dữ liệu: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="165" />
        <source>The hub's acknowledgement</source>
        <translation>Tệp xác nhận của tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="177" />
        <source>Acknowledgement read.</source>
        <translation>Đã đọc tệp xác nhận.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="184" />
        <source>not set up</source>
        <translation>chưa thiết lập</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="186" />
        <source>STOPPED: an administrator must check</source>
        <translation>ĐÃ DỪNG: cần quản trị viên kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="188" />
        <source>sending…</source>
        <translation>đang gửi…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="190" />
        <source>no connection, will retry</source>
        <translation>mất kết nối, sẽ thử lại</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="191" />
        <source>connected</source>
        <translation>đã kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="196" />
        <source>{0} events, {1} files ({2} MB)</source>
        <translation>{0} sự kiện, {1} tệp ({2} MB)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="200" />
        <source>never synced!</source>
        <translation>chưa đồng bộ lần nào!</translation>
    </message>
    <message>
        <location filename="../../ui/sync_view.py" line="201" />
        <source>not synced for {0} days!</source>
        <translation>đã {0} ngày chưa đồng bộ!</translation>
    </message>
    <message>
        <source>This PC now replaces device {0}: {1} dossiers and {2} scans rebuilt from the hub. Today&apos;s dossier numbers continue from {3}.</source>
        <translation>Máy này đã thay cho máy {0}: dựng lại {1} hồ sơ và {2} tệp quét từ máy chủ tỉnh. Số thứ tự mã hồ sơ hôm nay tiếp tục từ {3}.</translation>
    </message>
    <message>
        <source>STOPPED: this PC was replaced by another one</source>
        <translation>ĐÃ DỪNG: máy này đã được thay bằng máy khác</translation>
    </message>
    <message>
        <source>rebuilding from the hub…</source>
        <translation>đang dựng lại dữ liệu từ máy chủ tỉnh…</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ui/admin_users.py" line="36" />
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="36" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="36" />
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="36" />
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="45" />
        <location filename="../../ui/admin_users.py" line="84" />
        <source>Deactivate…</source>
        <translation>Khóa tài khoản…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="46" />
        <source>Reset password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="65" />
        <location filename="../../ui/admin_users.py" line="97" />
        <source>active</source>
        <translation>đang hoạt động</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="65" />
        <location filename="../../ui/admin_users.py" line="98" />
        <source>deactivated</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="84" />
        <source>Reactivate</source>
        <translation>Mở lại tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="96" />
        <source>{0} is now {1}.</source>
        <translation>{0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="103" />
        <source>Deactivate a user</source>
        <translation>Khóa tài khoản người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="104" />
        <source>Deactivate {0} ({1})? They will no longer be able to log in; their work is kept.</source>
        <translation>Khóa tài khoản của {0} ({1})? Người này sẽ không đăng nhập được nữa; các công việc đã làm vẫn được giữ.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="106" />
        <source>Deactivate {0}</source>
        <translation>Khóa tài khoản {0}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="117" />
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="118" />
        <source>New password for {0} (at least 8 characters; they change it afterwards):</source>
        <translation>Mật khẩu mới cho {0} (ít nhất 8 ký tự; người dùng tự đổi lại sau):</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="126" />
        <source>Password of {0} reset.</source>
        <translation>Đã đặt lại mật khẩu của {0}.</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>e.g. the USB stick, E:\ or /media/usb</source>
        <translation>ví dụ USB sao lưu, E:\ hoặc /media/usb</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Save backup settings</source>
        <translation>Lưu cài đặt sao lưu</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Check the backup</source>
        <translation>Kiểm tra bản sao lưu</translation>
    </message>
    <message>
        <source>Restore into a new data folder…</source>
        <translation>Khôi phục vào thư mục dữ liệu mới…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <source>Generations kept</source>
        <translation>Số bản giữ lại</translation>
    </message>
    <message>
        <source>Show the last backup in red after (days)</source>
        <translation>Báo đỏ khi bản sao lưu cũ hơn (ngày)</translation>
    </message>
    <message>
        <source>Counter backs up once a day while it runs, when the folder is there; everything is encrypted. A backup cut off (a stick pulled out) is never used.</source>
        <translation>Counter tự sao lưu mỗi ngày một lần khi đang chạy và thư mục sao lưu có mặt; mọi thứ đều được mã hóa. Bản sao lưu bị ngắt giữa chừng (rút USB) không bao giờ được dùng.</translation>
    </message>
    <message>
        <source>The last attempt failed: {0}</source>
        <translation>Lần sao lưu gần nhất không thành công: {0}</translation>
    </message>
    <message>
        <source>Backup settings saved.</source>
        <translation>Đã lưu cài đặt sao lưu.</translation>
    </message>
    <message>
        <source>Choose the backup folder first.</source>
        <translation>Hãy chọn thư mục sao lưu trước.</translation>
    </message>
    <message>
        <source>Backup {0} written: {1} scans ({2} new).</source>
        <translation>Đã ghi bản sao lưu {0}: {1} bản quét ({2} bản mới).</translation>
    </message>
    <message>
        <source>Backup finished.</source>
        <translation>Sao lưu xong.</translation>
    </message>
    <message>
        <source>intact ({0} dossiers)</source>
        <translation>nguyên vẹn ({0} hồ sơ)</translation>
    </message>
    <message>
        <source>NOT usable</source>
        <translation>KHÔNG dùng được</translation>
    </message>
    <message>
        <source>No backup in this folder.</source>
        <translation>Thư mục này không có bản sao lưu.</translation>
    </message>
    <message>
        <source>The backup to restore</source>
        <translation>Bản sao lưu cần khôi phục</translation>
    </message>
    <message>
        <source>A new, empty data folder</source>
        <translation>Thư mục dữ liệu mới, trống</translation>
    </message>
    <message>
        <source>Backup {0} restored into {1} ({2} dossiers). Start Counter with this data folder on the new computer.</source>
        <translation>Đã khôi phục bản sao lưu {0} vào {1} ({2} hồ sơ). Hãy mở Counter với thư mục dữ liệu này trên máy mới.</translation>
    </message>
</context>
<context>
    <name>OfficePasswordDialog</name>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Counter — office password</source>
        <translation>Một cửa — mật khẩu văn phòng</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Choose the office password</source>
        <translation>Đặt mật khẩu văn phòng</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Open the data</source>
        <translation>Mở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Encrypt and continue</source>
        <translation>Mã hóa và tiếp tục</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Office password</source>
        <translation>Mật khẩu văn phòng</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Type it again</source>
        <translation>Gõ lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>The data on this PC is encrypted. Type the office password to open it (this PC's keyring does not hold the key).</source>
        <translation>Dữ liệu trên máy này đã được mã hóa. Gõ mật khẩu văn phòng để mở (kho khóa của máy không giữ khóa dữ liệu).</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>The data on this PC is not encrypted yet.</source>
        <translation>Dữ liệu trên máy này chưa được mã hóa.</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>First launch: the data will be encrypted.</source>
        <translation>Lần chạy đầu tiên: dữ liệu sẽ được mã hóa.</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Choose the office password (at least 8 characters): it opens the data when this PC's keyring cannot. A recovery sheet is then saved for you to print and lock away.</source>
        <translation>Đặt mật khẩu văn phòng (ít nhất 8 ký tự): mật khẩu này mở dữ liệu khi kho khóa của máy không mở được. Sau đó tờ khôi phục được lưu để in và cất vào tủ có khóa.</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>The office password needs at least 8 characters.</source>
        <translation>Mật khẩu văn phòng cần ít nhất 8 ký tự.</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>The two passwords typed differ.</source>
        <translation>Hai lần gõ mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Opening the data…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/office_password.py" line="1" />
        <source>Encrypting the data…</source>
        <translation>Đang mã hóa dữ liệu…</translation>
    </message>
</context>
<context>
    <name>ProtectPanel</name>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>Change the office password</source>
        <translation>Đổi mật khẩu văn phòng</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>Save the recovery sheet again</source>
        <translation>Lưu lại tờ khôi phục</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>Office password</source>
        <translation>Mật khẩu văn phòng</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>Current office password</source>
        <translation>Mật khẩu văn phòng hiện tại</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>New office password</source>
        <translation>Mật khẩu văn phòng mới</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>Type it again</source>
        <translation>Gõ lại mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>Only the key that opens the data is wrapped again: the data itself is not touched, and the recovery sheet stays valid.</source>
        <translation>Chỉ khóa mở dữ liệu được bọc lại bằng mật khẩu mới: dữ liệu giữ nguyên, tờ khôi phục vẫn dùng được.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>The data on this PC is NOT encrypted (development set-up, or made before encryption: run «counter-app protect encrypt»).</source>
        <translation>Dữ liệu trên máy này CHƯA được mã hóa (cài đặt để phát triển, hoặc tạo trước khi có mã hóa: chạy «counter-app protect encrypt»).</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>The data is encrypted. This PC's keyring holds the key: the app opens without the office password.</source>
        <translation>Dữ liệu đã được mã hóa. Kho khóa của máy giữ khóa dữ liệu: chương trình mở mà không cần mật khẩu văn phòng.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>The data is encrypted. The office password is asked for at each start (no keyring on this PC).</source>
        <translation>Dữ liệu đã được mã hóa. Mỗi lần khởi động đều hỏi mật khẩu văn phòng (máy không có kho khóa).</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>The two passwords typed differ.</source>
        <translation>Hai lần gõ mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>The office password was changed (the data is as it was).</source>
        <translation>Đã đổi mật khẩu văn phòng (dữ liệu giữ nguyên).</translation>
    </message>
    <message>
        <location filename="../../ui/admin_protect.py" line="1" />
        <source>Recovery sheet saved as «{0}»: print it, lock it away, then delete the file.</source>
        <translation>Đã lưu tờ khôi phục thành «{0}»: hãy in, cất vào tủ có khóa, rồi xóa tệp.</translation>
    </message>
</context>
</TS>
"""Intake, start to finish by keyboard: procedure, applicant (typed or from the CCCD QR), documents, outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.cccd import parse_qr, validate_id_number
from counter_app.clock import local, now
from counter_app.errors import CounterError, ValidationError
from counter_app.fees import FeeDue, fee_due, format_fee
from counter_app.lifecycle import label
from counter_app.model import Delivery, Dossier, FeeKind, Person, Procedure, TimeLimit, TimeUnit
from counter_app.scan_profiles import profile_for
from counter_app.services import catalogue, documents
from counter_app.services.intake import IntakeRequest, Outcome, intake
from counter_app.storage.database import Database
from counter_app.storage.staging import staging_of
from counter_app.terms_words import fee_label, time_label
from counter_app.textfold import fold
from ui import i18n, tasks, theme
from ui.checklist_model import CERTIFY, KIND, NAME, ChecklistModel
from ui.setting_keys import OCR_KEY

if TYPE_CHECKING:
    from counter_app.storage.staging import StagedBatch
    from scanning.digitise import ProcessedPage
    from ui.scan_dialog import ScanDialog

SEXES = ("", "Nam", "Nữ")
LIST_LIMIT = 200


class KindDelegate(QStyledItemDelegate):
    """Original / certified copy / copy as a drop-down (F2, then arrows)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        if isinstance(model, ChecklistModel):
            combo.addItems(list(model.kind_names.values()))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(int(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: object, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox) and isinstance(model, ChecklistModel):
            model.setData(index, editor.currentIndex(), Qt.ItemDataRole.EditRole)


class IntakeView(QWidget):
    """Emits `finished(dossier)` after each accepted, sent-back or refused dossier, then clears itself."""

    finished = Signal(object)
    scans_filed = Signal(int)

    def __init__(
        self,
        database: Database,
        actor: Callable[[], str],
        language: str = "vi",
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        office_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.database, self.actor, self.language = database, actor, language
        self.settings, self.office_name = settings or QSettings(), office_name
        self._scan_task: tasks.Task | None = None
        self.procedures: list[Procedure] = []
        self._haystacks: list[str] = []
        self.procedure: Procedure | None = None
        self._task: tasks.Task | None = None
        self._build()
        self._connect()

    # ---- layout
    def _build(self) -> None:
        self.procedure_search = QLineEdit()
        self.procedure_search.setPlaceholderText(self.tr("Type part of the procedure's name or code, e.g. khai sinh"))
        self.procedure_list = QListWidget()
        self.procedure_list.setMaximumHeight(160)
        self._build_case_picker()
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(12)
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.sex = QComboBox()
        self.sex.addItems([self.tr("—"), self.tr("Male"), self.tr("Female")])
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self._build_representative()
        self._build_checklist()
        self.scan_button = QPushButton(self.tr("Scan the selected document… (Ctrl+Q)"))
        self.scans: dict[str, tuple[StagedBatch, list[ProcessedPage]]] = {}
        self.scan_dialog: ScanDialog | None = None
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #b00000")
        self.delivery = QComboBox()
        self.delivery.addItems([self.tr("At the counter"), self.tr("By post")])
        self.delivery_address = QLineEdit()
        self.delivery_address.setPlaceholderText(self.tr("Address for the postal return"))
        self.fee_label = QLabel()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (required to send back or refuse)"))
        self.accept_button = QPushButton(self.tr("Accept and print slip (Ctrl+Enter)"))
        self.supplement_button = QPushButton(self.tr("Send back to complete — form 02 (Ctrl+B)"))
        self.refuse_button = QPushButton(self.tr("Refuse — form 03 (Ctrl+R)"))
        self.clear_button = QPushButton(self.tr("Clear (Ctrl+N)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 15px; font-weight: bold; color: #005a00")
        self._arrange()

    def _build_representative(self) -> None:
        self.agent_name, self.agent_id, self.agent_authorisation = QLineEdit(), QLineEdit(), QLineEdit()
        self.agent_id.setMaxLength(12)
        self.agent_authorisation.setPlaceholderText(self.tr("e.g. Giấy ủy quyền số 12/2026"))

    def _build_checklist(self) -> None:
        """The documents table: names wrap and take the room (published names run long)."""
        self.checklist = ChecklistModel(self)
        self.documents = QTableView()
        self.documents.setModel(self.checklist)
        self.documents.setItemDelegateForColumn(KIND, KindDelegate(self.documents))
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.documents.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.documents.setWordWrap(True)

    def _build_case_picker(self) -> None:
        """The chosen procedure's terms, and the case (trường hợp) picker, shown only for several cases."""
        self.procedure_label = QLabel(self.tr("No procedure chosen"))
        self.procedure_label.setWordWrap(True)
        self.case_label = QLabel(self.tr("Case"))
        self.case_picker = QComboBox()
        self.case_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.case_picker.setMinimumContentsLength(30)
        self.case_label.setBuddy(self.case_picker)
        self.case_label.hide()
        self.case_picker.hide()

    def _arrange(self) -> None:
        procedure_box = QGroupBox(self.tr("1. Procedure"))
        column = QVBoxLayout(procedure_box)
        column.addWidget(self.procedure_search)
        column.addWidget(self.procedure_list)
        column.addWidget(self.procedure_label)
        cases = QHBoxLayout()
        cases.addWidget(self.case_label)
        cases.addWidget(self.case_picker, 1)
        column.addLayout(cases)
        column.addStretch()
        person_box = QGroupBox(self.tr("2. Applicant (scan the CCCD QR code, or type)"))
        form = QFormLayout(person_box)
        for caption, widget in (
            (self.tr("Full name"), self.name),
            (self.tr("CCCD number"), self.id_number),
            (self.tr("Date of birth"), self.birth),
            (self.tr("Sex"), self.sex),
            (self.tr("Address"), self.address),
            (self.tr("Phone"), self.phone),
            (self.tr("Email"), self.email),
            (self.tr("Representative (if someone else hands it in)"), self.agent_name),
            (self.tr("Representative's CCCD number"), self.agent_id),
            (self.tr("Authorisation reference"), self.agent_authorisation),
        ):
            form.addRow(caption, widget)
        documents_box = QGroupBox(self.tr("3. Documents handed in (Space ticks, F2 edits)"))
        column = QVBoxLayout(documents_box)
        column.addWidget(self.documents)
        column.addWidget(self.scan_button)
        column.addWidget(self.missing_label)
        outcome_box = QGroupBox(self.tr("4. Result delivery, fee and outcome"))
        grid = QGridLayout(outcome_box)
        grid.addWidget(QLabel(self.tr("Delivery")), 0, 0)
        grid.addWidget(self.delivery, 0, 1)
        grid.addWidget(self.delivery_address, 0, 2)
        grid.addWidget(self.fee_label, 1, 0, 1, 3)
        grid.addWidget(self.reason, 2, 0, 1, 3)
        buttons = QGridLayout()  # two rows: the long Vietnamese captions fit 1366 px beside the sidebar
        buttons.addWidget(theme.set_kind(self.accept_button, "primary"), 0, 0, 1, 2)
        buttons.addWidget(self.clear_button, 0, 2)
        buttons.addWidget(self.supplement_button, 1, 0)
        buttons.addWidget(theme.set_kind(self.refuse_button, "destructive"), 1, 1, 1, 2)
        grid.addLayout(buttons, 3, 0, 1, 3)
        left = QVBoxLayout()
        left.addWidget(procedure_box)
        left.addWidget(person_box)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(documents_box, 1)
        right.addWidget(outcome_box)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addLayout(right, 3)
        page = QVBoxLayout(self)
        page.addLayout(top, 1)
        page.addWidget(self.message)
        page.addWidget(self.result_label)

    def _connect(self) -> None:
        self.procedure_search.textChanged.connect(self._filter_procedures)
        self.procedure_search.returnPressed.connect(self._choose_first_procedure)
        self.procedure_list.itemActivated.connect(self._procedure_activated)
        self.checklist.changed.connect(self._refresh_outcome)
        self.case_picker.currentIndexChanged.connect(self._case_chosen)
        self.delivery.currentIndexChanged.connect(self._refresh_outcome)
        self.accept_button.clicked.connect(lambda: self.submit(Outcome.ACCEPT))
        self.supplement_button.clicked.connect(lambda: self.submit(Outcome.SUPPLEMENT))
        self.refuse_button.clicked.connect(lambda: self.submit(Outcome.REFUSE))
        self.clear_button.clicked.connect(self.clear)
        self.scan_button.clicked.connect(self.open_scan)
        for keys, slot in (
            ("Ctrl+Return", lambda: self.submit(Outcome.ACCEPT)),
            ("Ctrl+Enter", lambda: self.submit(Outcome.ACCEPT)),
            ("Ctrl+B", lambda: self.submit(Outcome.SUPPLEMENT)),
            ("Ctrl+R", lambda: self.submit(Outcome.REFUSE)),
            ("Ctrl+N", self.clear),
            ("Ctrl+Q", self.open_scan),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._refresh_outcome()

    # ---- procedures
    def load_procedures(self) -> None:
        """Read the catalogue in force today, once, on a worker."""
        database = self.database
        self._task = tasks.start(
            lambda: catalogue.list_procedures(database, local(now()).date()),
            self._procedures_loaded,
            self.show_error,
            owner=self,
        )

    def _procedures_loaded(self, procedures: list[Procedure]) -> None:
        self.procedures = procedures
        self._haystacks = [fold(f"{p.code} {p.name}") for p in procedures]
        self._filter_procedures(self.procedure_search.text())

    @Slot(str)
    def _filter_procedures(self, text: str) -> None:
        """At most LIST_LIMIT matches, so typing stays instant with thousands of procedures; a procedure
        without a stated time limit is listed, greyed, with the reason, and cannot be chosen."""
        wanted = fold(text).split()
        found = [n for n, haystack in enumerate(self._haystacks) if all(word in haystack for word in wanted)]
        self.procedure_list.setUpdatesEnabled(False)
        self.procedure_list.clear()
        for number in found[:LIST_LIMIT]:
            procedure = self.procedures[number]
            item = QListWidgetItem(f"{procedure.code} — {procedure.name}")
            item.setData(Qt.ItemDataRole.UserRole, procedure)
            if procedure.incomplete:
                item.setText(item.text() + self.tr(" — not offered: no time limit stated; an administrator sets it"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.procedure_list.addItem(item)
        if len(found) > LIST_LIMIT:
            more = QListWidgetItem(self.tr("… {0} more: type more of the name").format(len(found) - LIST_LIMIT))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.procedure_list.addItem(more)
        self.procedure_list.setUpdatesEnabled(True)
        first = next((row for row in range(self.procedure_list.count())
                      if self.procedure_list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled), None)
        if first is not None:
            self.procedure_list.setCurrentRow(first)

    @Slot()
    def _choose_first_procedure(self) -> None:
        item = self.procedure_list.currentItem()
        if item is not None:
            self._procedure_activated(item)

    @Slot(QListWidgetItem)
    def _procedure_activated(self, item: QListWidgetItem) -> None:
        procedure = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(procedure, Procedure) or procedure.incomplete:
            return
        self.choose(procedure)
        (self.case_picker if len(procedure.cases) > 1 else self.name).setFocus()

    def choose(self, procedure: Procedure) -> None:
        """Show the procedure and its first case; a procedure with several cases shows the case picker."""
        self.procedure = procedure
        several = len(procedure.cases) > 1
        self.case_picker.blockSignals(True)
        self.case_picker.clear()
        single = self.tr("(single case)")
        for case in procedure.cases:
            self.case_picker.addItem(f"{case.number}. {case.name or single}", case.number)
            self.case_picker.setItemData(self.case_picker.count() - 1, case.name, Qt.ItemDataRole.ToolTipRole)
        self.case_picker.blockSignals(False)
        self.case_label.setVisible(several)
        self.case_picker.setVisible(several)
        self._case_chosen(0)

    @Slot(int)
    def _case_chosen(self, index: int) -> None:
        if self.procedure is None or not 0 <= index < len(self.procedure.cases):
            return
        case = self.procedure.cases[index]
        terms = self.procedure.terms_for(case.number)
        self.procedure_label.setText(
            self.tr("<b>{0}</b> {1}<br>Time limit: {2}<br>Fee: {3}").format(
                self.procedure.code, self.procedure.name, self._period(terms.time_limit),
                fee_label(terms.fee, i18n.language())))
        self.checklist.set_case(case)
        counted = terms.fee.kind in (FeeKind.PER_PAGE, FeeKind.PER_COPY)  # copies to certify change the fee
        self.documents.setColumnHidden(CERTIFY, not counted)

    def _period(self, limit: TimeLimit) -> str:
        if limit.unit is TimeUnit.WORKING_DAYS and float(limit.amount).is_integer():
            days = int(limit.amount)
            period = self.tr("%n working day(s)", "", days)
            return f"{period} («{limit.text}»)" if limit.text else period
        return time_label(limit, i18n.language())

    # ---- applicant
    def fill_from_qr(self, payload: str) -> bool:
        """Fill every applicant field from a CCCD QR payload at once; on a bad payload change nothing."""
        try:
            card = parse_qr(payload)
        except CounterError as error:
            self.show_error(error.message(i18n.language()))
            return False
        self.name.setText(card.full_name)
        self.id_number.setText(card.id_number)
        self.birth.setText(f"{card.date_of_birth:%d/%m/%Y}")
        self.sex.setCurrentIndex(SEXES.index(card.sex) if card.sex in SEXES else 0)
        self.address.setText(card.address)
        self.message.setText(self.tr("Filled from the CCCD QR code: {0}").format(card.full_name))
        self.message.setStyleSheet("color: #005a00")
        return True

    def _person(self) -> Person:
        birth = self.birth.text().strip()
        try:
            born = dt.datetime.strptime(birth, "%d/%m/%Y").date() if birth else None
        except ValueError:
            raise ValidationError("qr.date", value=birth) from None
        number = validate_id_number(self.id_number.text(), born.year if born else None)
        return Person(
            full_name=" ".join(self.name.text().split()),
            id_number=number,
            date_of_birth=born,
            sex=SEXES[self.sex.currentIndex()] or None,
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
        )

    # ---- outcome
    @Slot()
    def _refresh_outcome(self) -> None:
        missing = self.checklist.missing()
        self.missing_label.setText(self.tr("Missing: {0}").format("; ".join(missing)) if missing else "")
        self.accept_button.setEnabled(self.procedure is not None and not missing)
        postal = self.delivery.currentIndex() == 1
        self.delivery_address.setEnabled(postal)
        case = self.checklist.case.number if self.checklist.case else 1
        fee = fee_due(self.procedure.terms_for(case).fee, self.checklist.entries()) if self.procedure else FeeDue(0)
        self.fee_label.setText(self.tr("Fee: {0}").format(format_fee(fee, i18n.language())))

    def submit(self, outcome: Outcome) -> None:
        """Record the dossier on a worker; only an accept may go ahead, and only with nothing missing."""
        try:
            request = self._request()
        except CounterError as error:
            self.show_error(error.message(i18n.language()))
            return
        if outcome is Outcome.ACCEPT and self.checklist.missing():
            self.show_error(self.tr("A dossier with missing documents can only be sent back or refused."))
            return
        reason = self.reason.text().strip()
        if outcome is not Outcome.ACCEPT and not reason:
            self.show_error(self.tr("Write the reason first."))
            self.reason.setFocus()
            return
        database, actor = self.database, self.actor()
        self._set_busy(True)
        self._task = tasks.start(
            lambda: intake(database, request, actor, outcome, reason), self._submitted, self.show_error, owner=self
        )

    def _request(self) -> IntakeRequest:
        if self.procedure is None:
            raise ValidationError("procedure.not_chosen")
        postal = self.delivery.currentIndex() == 1
        return IntakeRequest(
            procedure_code=self.procedure.code,
            applicant=self._person(),
            documents=self.checklist.entries(),
            delivery=Delivery.POSTAL if postal else Delivery.COUNTER,
            delivery_address=self.delivery_address.text().strip() if postal else "",
            submitter=self._representative(),
            case=self.checklist.case.number if self.checklist.case else 1,
        )

    def _representative(self) -> Person | None:
        """The authorised representative printed on form 01, when someone else hands the dossier in."""
        name, number = " ".join(self.agent_name.text().split()), self.agent_id.text().strip()
        reference = self.agent_authorisation.text().strip()
        if not (name or number or reference):
            return None
        if not name:
            raise ValidationError("input.required", field=self.tr("Representative (if someone else hands it in)"))
        return Person(full_name=name, id_number=validate_id_number(number), authorisation=reference)

    def _submitted(self, dossier: Dossier) -> None:
        self._set_busy(False)
        if dossier.code and dossier.due_at:
            due = local(dossier.due_at)
            self.result_label.setText(self.tr("Accepted: {0} — due {1}").format(dossier.code, f"{due:%H:%M %d/%m/%Y}"))
        else:
            self.result_label.setText(
                self.tr("Recorded: {0} — {1}").format(dossier.applicant.full_name, label(dossier.status, self.language))
            )
        self.finished.emit(dossier)
        self._file_scans(dossier, dict(self.scans))
        self.scans = {}  # being filed: not dropped by clear()
        self.clear(keep_result=True)

    def open_scan(self) -> ScanDialog | None:
        """Scan the document selected in the checklist; the pages wait until the dossier is recorded."""
        number = self.checklist.document_at(self.documents.currentIndex().row())
        if self.procedure is None or number is None:
            self.show_error(self.tr("Choose a document in the list first."))
            return None
        from ui.scan_dialog import ScanDialog  # noqa: PLC0415 (scanner and image libraries: on first use)

        document = self.checklist.documents[number]
        self.scan_dialog = ScanDialog(document.name, profile_for(self.procedure.code, document.name), self.settings,
                                      parent=self, staging=staging_of(self.database.blobs))
        self.scan_dialog.accepted.connect(lambda: self._scanned(document.name))
        self.scan_dialog.open()
        return self.scan_dialog

    def _scanned(self, document: str) -> None:
        assert self.scan_dialog is not None
        pages = self.scan_dialog.processed()
        if document in self.scans and self.scans[document][0].folder != self.scan_dialog.batch.folder:
            self.scans[document][0].discard()  # scanned again: the new pages replace the old
        self.scans[document] = (self.scan_dialog.batch, pages)
        row = self.checklist.row_of(document)
        number = self.checklist.document_at(row)
        if number is not None and not self.checklist.handed_in[number]:
            self.checklist.toggle(row)
        self.message.setText(self.tr("{0} page(s) scanned for: {1}").format(len(pages), document))
        self.message.setStyleSheet("color: #005a00")

    def _file_scans(self, dossier: Dossier, scans: dict[str, tuple[StagedBatch, list[ProcessedPage]]]) -> None:
        """Store each scanned document of the new dossier (pages already digitised) on a worker; the text layer
        is added later, in the background, so acceptance never waits for OCR."""
        if not scans:
            return
        database, actor, office = self.database, self.actor(), self.office_name
        ref = str(dossier.code or dossier.id)
        ocr = bool(self.settings.value(OCR_KEY, True, type=bool))

        def work() -> int:
            from scanning import digitise, ocr_queue  # noqa: PLC0415 (image libraries: with the first scan)
            from scanning.pdf import PdfMetadata  # noqa: PLC0415

            for document, (batch, pages) in scans.items():
                metadata = PdfMetadata(ref, document, office, actor)
                pdf, count = digitise.to_pdf(pages, metadata, i18n.language())
                filed = documents.file_copy(database, ref, document, pdf, count, actor)
                if ocr:
                    ocr_queue.enqueue(database, filed, actor)
                batch.discard()  # filed: the staged scans are no longer needed
            return len(scans)

        self._scan_task = tasks.start(work, self._scans_filed, self.show_error, owner=self)

    def _scans_filed(self, count: int) -> None:
        self.scans_filed.emit(count)
        from ui import ocr_worker  # noqa: PLC0415

        ocr_worker.start(self.database)
        self.result_label.setText(self.result_label.text() + self.tr(" — {0} digitised document(s) saved").format(
            count))

    @Slot()
    def clear(self, keep_result: bool = False) -> None:
        """Ready for the next citizen."""
        for field in (
            self.procedure_search,
            self.name,
            self.id_number,
            self.birth,
            self.address,
            self.phone,
            self.email,
            self.agent_name,
            self.agent_id,
            self.agent_authorisation,
            self.delivery_address,
            self.reason,
        ):
            field.clear()
        self.sex.setCurrentIndex(0)
        self.delivery.setCurrentIndex(0)
        for batch, _pages in self.scans.values():
            batch.discard()  # the clerk starts over: these scans belonged to the citizen who left
        self.scans = {}
        self.procedure = None
        self.procedure_label.setText(self.tr("No procedure chosen"))
        self.case_picker.clear()
        self.case_label.hide()
        self.case_picker.hide()
        self.checklist.set_procedure(None)
        self.message.clear()
        if not keep_result:
            self.result_label.clear()
        self.procedure_search.setFocus()

    def show_error(self, message: str) -> None:
        self._set_busy(False)
        self.message.setText(message)
        self.message.setStyleSheet("color: #b00000")

    def _set_busy(self, busy: bool) -> None:
        for button in (self.supplement_button, self.refuse_button, self.clear_button):
            button.setEnabled(not busy)
        self.accept_button.setEnabled(not busy and self.procedure is not None and not self.checklist.missing())

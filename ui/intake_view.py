"""Intake, start to finish by keyboard: procedure, applicant (typed or from the CCCD QR), documents, outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.cccd import parse_qr, validate_id_number
from counter_app.clock import local, now
from counter_app.errors import CounterError, ValidationError
from counter_app.fees import FeeDue, fee_due, format_fee
from counter_app.lifecycle import label
from counter_app.model import Channel, Delivery, Dossier, FeeKind, Person, Procedure, TimeLimit, TimeUnit
from counter_app.scan_profiles import profile_for
from counter_app.services import catalogue, documents
from counter_app.services.due_preview import DueRules, due_rules
from counter_app.services.intake import IntakeRequest, Outcome, intake
from counter_app.storage.database import Database
from counter_app.storage.staging import staging_of
from counter_app.terms_words import fee_label, time_label
from counter_app.textfold import fold
from ui import i18n, tasks, theme
from ui.checklist_model import CERTIFY, KIND, ChecklistModel
from ui.checklist_view import ChecklistTable
from ui.intake_outcome import ConfirmationCard, OutcomeBox, due_text
from ui.setting_keys import OCR_KEY
from ui.shortcuts import shortcut

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
        self.procedure_list.setMaximumHeight(150)
        self.procedure_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.procedure_list.setTextElideMode(Qt.TextElideMode.ElideRight)
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
        self.checklist = ChecklistModel(self)
        self.documents = ChecklistTable(self.checklist)  # Space ticks and moves down
        self.documents.setItemDelegateForColumn(KIND, KindDelegate(self.documents))
        self.scan_button = QPushButton(self.tr("Scan the selected document… (Ctrl+Q)"))
        self.scans: dict[str, tuple[StagedBatch, list[ProcessedPage]]] = {}
        self.scan_dialog: ScanDialog | None = None
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        theme.set_tone(self.missing_label, "danger")
        self.outcome = OutcomeBox()
        self.delivery, self.delivery_address = self.outcome.delivery, self.outcome.delivery_address
        self.fee_label, self.reason = self.outcome.fee_label, self.outcome.reason
        self.accept_button, self.clear_button = self.outcome.accept_button, self.outcome.clear_button
        self.supplement_button, self.refuse_button = self.outcome.supplement_button, self.outcome.refuse_button
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.confirmation = ConfirmationCard()
        self.result_label = self.confirmation.title
        self.cccd_note = QLabel()
        self.cccd_note.setWordWrap(True)
        theme.set_tone(self.cccd_note, "success")
        self.cccd_note.hide()
        self.rules: DueRules | None = None
        self._due_clock = QTimer(self, interval=60_000)  # the due date moves with the time of acceptance
        self._due_clock.timeout.connect(self._show_due)
        self._due_clock.start()
        self._arrange()

    def _build_representative(self) -> None:
        self.agent_name, self.agent_id, self.agent_authorisation = QLineEdit(), QLineEdit(), QLineEdit()
        self.agent_id.setMaxLength(12)
        self.agent_authorisation.setPlaceholderText(self.tr("e.g. Giấy ủy quyền số 12/2026"))

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
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long captions above their field
        form.addRow(self.cccd_note)
        for caption, widget in (
            (self.tr("Full name"), self.name),
            (self.tr("CCCD number"), self.id_number),
            (self.tr("Date of birth"), self.birth),
            (self.tr("Sex"), self.sex),
            (self.tr("Address"), self.address),
            (self.tr("Phone"), self.phone),
            (self.tr("Email"), self.email),
        ):
            form.addRow(caption, widget)
        form.addRow(theme.set_role(QLabel(self.tr("Representative, if someone else hands it in")), "muted"))
        for caption, widget in ((self.tr("Full name"), self.agent_name), (self.tr("CCCD number"), self.agent_id),
                                (self.tr("Authorisation reference"), self.agent_authorisation)):
            form.addRow(caption, widget)
        documents_box = QGroupBox(self.tr("3. Documents handed in (Space ticks, F2 edits)"))
        column = QVBoxLayout(documents_box)
        column.addWidget(self.documents)
        column.addWidget(self.scan_button)
        column.addWidget(self.missing_label)
        form_column = QWidget()
        left = QVBoxLayout(form_column)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(procedure_box)
        left.addWidget(person_box)
        left.addStretch()
        scroller = QScrollArea()  # on a short screen (720 px at 150 %) the form scrolls, the window fits
        scroller.setWidget(form_column)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setMinimumWidth(form_column.minimumSizeHint().width())
        right = QVBoxLayout()
        right.addWidget(self.confirmation)  # beside the empty form of the next citizen
        right.addWidget(documents_box, 1)
        right.addWidget(self.outcome)
        top = QHBoxLayout()
        top.addWidget(scroller, 2)
        top.addLayout(right, 3)
        page = QVBoxLayout(self)
        page.addLayout(top, 1)
        page.addWidget(self.message)

    def _connect(self) -> None:
        self.procedure_search.textChanged.connect(self._filter_procedures)
        self.procedure_search.returnPressed.connect(self._choose_first_procedure)
        self.procedure_list.itemActivated.connect(self._procedure_activated)
        self.checklist.changed.connect(self._refresh_outcome)
        self.case_picker.currentIndexChanged.connect(self._case_chosen)
        self.outcome.changed.connect(self._refresh_outcome)
        self.outcome.submit_requested.connect(self.submit)
        self.clear_button.clicked.connect(self.clear)
        self.procedure_search.textEdited.connect(lambda _: self.confirmation.hide())  # the next citizen
        self.scan_button.clicked.connect(self.open_scan)
        for keys, slot in (
            ("Ctrl+Return", lambda: self.outcome.request(Outcome.ACCEPT)),
            ("Ctrl+Enter", lambda: self.outcome.request(Outcome.ACCEPT)),
            ("Ctrl+B", lambda: self.outcome.request(Outcome.SUPPLEMENT)),
            ("Ctrl+R", lambda: self.outcome.request(Outcome.REFUSE)),
            ("Ctrl+O", self._open_confirmed),
            ("Ctrl+N", self.clear),
            ("Ctrl+Q", self.open_scan),
        ):
            shortcut(keys, self, slot)  # bound to this screen: the postal screen has its own Ctrl+Enter
        self._refresh_outcome()

    def _open_confirmed(self) -> None:
        if self.confirmation.isVisible() and self.confirmation.code:
            self.confirmation.open_dossier.emit(self.confirmation.code)

    # ---- procedures
    def load_procedures(self) -> None:
        """Read the catalogue in force today and the office's calendar, once, on a worker."""
        database = self.database
        self._task = tasks.start(
            lambda: (catalogue.list_procedures(database, local(now()).date()), due_rules(database)),
            self._procedures_loaded,
            self.show_error,
            owner=self,
        )

    def _procedures_loaded(self, loaded: tuple[list[Procedure], DueRules]) -> None:
        procedures, self.rules = loaded
        procedures = sorted(procedures, key=lambda p: p.field)  # grouped by field, catalogue order within
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
        field = None
        for number in found[:LIST_LIMIT]:
            procedure = self.procedures[number]
            if procedure.field != field and procedure.field:
                self.procedure_list.addItem(_heading(procedure.field))
            field = procedure.field
            item = QListWidgetItem(f"{procedure.code} — {procedure.name}")
            item.setData(Qt.ItemDataRole.UserRole, procedure)
            item.setToolTip(procedure.name)
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
        self.confirmation.hide()

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
        self._refresh_outcome()

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
        self.cccd_note.setText(self.tr("✓ Filled from the CCCD QR code at {0}: check the face on the card.").format(
            f"{local(now()):%H:%M}"))
        self.cccd_note.show()
        self.message.clear()
        self.confirmation.hide()
        if self.procedure is not None:
            self.documents.start()  # next: Space for each document handed in
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
        self._show_due()
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
            self.outcome.show_reason(outcome)
            return
        database, actor = self.database, self.actor()
        self._set_busy(True)
        self._task = tasks.start(
            lambda: intake(database, request, actor, outcome, reason), self._submitted, self.show_error, owner=self
        )

    def _request(self) -> IntakeRequest:
        if self.procedure is None:
            raise ValidationError("procedure.not_chosen")
        postal, channel = self.outcome.postal(), self.outcome.chosen_channel()
        return IntakeRequest(
            procedure_code=self.procedure.code,
            applicant=self._person(),
            documents=self.checklist.entries(),
            channel=channel,
            postal_item_in=self.outcome.postal_item.text().strip() if channel is Channel.POSTAL else "",
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
            self.confirmation.confirm(dossier.code, dossier.applicant.full_name, local(dossier.due_at))
        else:
            self.confirmation.confirm("", dossier.applicant.full_name, None, self.tr("Recorded: {0} — {1}").format(
                dossier.applicant.full_name, label(dossier.status, self.language)))
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
        theme.set_tone(self.message, "success")

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
        details = self.confirmation.details
        details.setText(details.text() + self.tr(" — {0} digitised document(s) saved").format(count))

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
        ):
            field.clear()
        self.sex.setCurrentIndex(0)
        self.outcome.reset()
        self.cccd_note.hide()
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
            self.confirmation.hide()
        self.procedure_search.setFocus()

    def show_error(self, message: str) -> None:
        self._set_busy(False)
        self.message.setText(message)
        theme.set_tone(self.message, "danger")

    def _show_due(self) -> None:
        """The due date slip 01 will print, shown before accepting (it moves with the clock and the channel)."""
        case = self.checklist.case.number if self.checklist.case else 1
        if self.procedure is None or self.rules is None:
            self.outcome.due_label.setText(self.tr("Due: choose the procedure"))
            return
        due = self.rules.due(self.procedure, case, self.outcome.chosen_channel(), now())
        self.outcome.due_label.setText(self.tr("Due if accepted now: {0}").format(due_text(local(due))))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.supplement_button, self.refuse_button, self.clear_button):
            button.setEnabled(not busy)
        self.accept_button.setEnabled(not busy and self.procedure is not None and not self.checklist.missing())


def _heading(field: str) -> QListWidgetItem:
    """A field's name above its procedures in the list (not selectable: arrows and Enter skip it)."""
    item = QListWidgetItem(field.upper())
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item

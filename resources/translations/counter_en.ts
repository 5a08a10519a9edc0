<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>DossierHeader</name>
    <message numerus="yes">
        <location filename="../../ui/dossier_header.py" line="32" />
        <source>Overdue by %n day(s)</source>
        <translation><numerusform>Overdue by %n day</numerusform><numerusform>Overdue by %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message numerus="yes">
        <location filename="../../ui/report_drill.py" line="45" />
        <source>%n dossier(s)</source>
        <translation><numerusform>%n dossier</numerusform><numerusform>%n dossiers</numerusform></translation>
    </message>
</context>
<context>
    <name>HomePanel</name>
    <message numerus="yes">
        <location filename="../../ui/home_panel.py" line="203" />
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message numerus="yes">
        <location filename="../../ui/intake_view.py" line="351" />
        <source>%n working day(s)</source>
        <translation><numerusform>%n working day</numerusform><numerusform>%n working days</numerusform></translation>
    </message>
</context>
</TS>
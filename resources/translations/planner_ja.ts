<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>This application includes the following software, each under its own licence:</source>
        <translation>このアプリケーションには次のソフトウェアが含まれています。それぞれ固有のライセンスに従います:</translation>
    </message>
    <message>
        <source>Bundled software</source>
        <translation>同梱ソフトウェア</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>ライセンス本文</translation>
    </message>
    <message>
        <source>(the licence text is missing)</source>
        <translation>(ライセンス本文が見つかりません)</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <source>Read only: your login ({role}) can look but not change anything</source>
        <translation>閲覧専用：このログイン（{role}）は参照のみで、変更はできません</translation>
    </message>
    <message>
        <source>Signed in as {role}: passports and dates of birth are not shown</source>
        <translation>{role} としてサインイン中：旅券情報と生年月日は表示されません</translation>
    </message>
    <message>
        <source>Your login can read but not change records (ask an administrator)</source>
        <translation>このログインは記録を参照できますが変更できません（管理者にお問い合わせください）</translation>
    </message>
</context>
<context>
    <name>AgreementEditor</name>
    <message>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <source>e.g. Evaluation data sharing</source>
        <translation>例: 評価用データ共有</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>タイトル(&amp;T)</translation>
    </message>
    <message>
        <source>Title in &amp;Japanese</source>
        <translation>タイトル(日本語)(&amp;J)</translation>
    </message>
    <message>
        <source>(no partner)</source>
        <translation>(相手機関なし)</translation>
    </message>
    <message>
        <source>A data-sharing or material-transfer agreement covers the data-exchange visits of this institution&apos;s people and the visits it hosts</source>
        <translation>データ共有協定または試料提供協定は、この機関に所属する人物のデータ交換訪問と、この機関が受け入れる訪問に適用されます</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>相手機関(&amp;P)</translation>
    </message>
    <message>
        <source>(no programme)</source>
        <translation>(プログラムなし)</translation>
    </message>
    <message>
        <source>Pro&amp;gramme</source>
        <translation>プログラム(&amp;G)</translation>
    </message>
    <message>
        <source>e.g. DSA-2027-004</source>
        <translation>例: DSA-2027-004</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>参照番号(&amp;R)</translation>
    </message>
    <message>
        <source>An agreement counts only once it is signed</source>
        <translation>協定は署名後にのみ有効とみなされます</translation>
    </message>
    <message>
        <source>&amp;Signed</source>
        <translation>署名日(&amp;S)</translation>
    </message>
    <message>
        <source>First day in force (none: from signature)</source>
        <translation>効力発生日(空欄: 署名日から)</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>開始日(&amp;A)</translation>
    </message>
    <message>
        <source>Last day in force (none: open-ended)</source>
        <translation>効力の最終日(空欄: 期限なし)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>終了日(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>新規協定</translation>
    </message>
    <message>
        <source>Edit agreement — {title}</source>
        <translation>協定の編集 — {title}</translation>
    </message>
    <message>
        <source>Add agreement {title}</source>
        <translation>協定 {title} を追加</translation>
    </message>
    <message>
        <source>Edit agreement {title}</source>
        <translation>協定 {title} を編集</translation>
    </message>
</context>
<context>
    <name>AgreementKind</name>
    <message>
        <source>Memorandum</source>
        <translation>覚書</translation>
    </message>
    <message>
        <source>Data sharing</source>
        <translation>データ共有</translation>
    </message>
    <message>
        <source>Material transfer</source>
        <translation>試料提供</translation>
    </message>
    <message>
        <source>NDA</source>
        <translation>秘密保持契約</translation>
    </message>
</context>
<context>
    <name>AgreementsMenu</name>
    <message>
        <source>&amp;Open Visit {code}</source>
        <translation>訪問 {code} を開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open Visit</source>
        <translation>訪問を開く(&amp;O)</translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message>
        <source>Not signed</source>
        <translation>未署名</translation>
    </message>
    <message>
        <source>Not yet in force</source>
        <translation>発効前</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>相手機関</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照番号</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>署名日</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>協定</translation>
    </message>
    <message>
        <source>From</source>
        <translation>移転元</translation>
    </message>
    <message>
        <source>To</source>
        <translation>移転先</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>訪問</translation>
    </message>
    <message>
        <source>Export control</source>
        <translation>輸出管理</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Agreements: {agreements} · Transfers: {transfers}</source>
        <extracomment>The column a double-click on a transfer reads the visit code from. Where the edits go: the window&apos;s stack, or one of the view&apos;s own. The editor opened last; None once it is closed. What &quot;today&quot; is for the agreements&apos; state (tests replace it).</extracomment>
        <translation>協定: {agreements} · 移転: {transfers}</translation>
    </message>
    <message>
        <source>No agreements yet.</source>
        <translation>協定はまだありません。</translation>
    </message>
    <message>
        <source>New agreement…</source>
        <translation>新規協定…</translation>
    </message>
    <message>
        <source>No data or material transfers yet.</source>
        <translation>データ・試料の移転はまだありません。</translation>
    </message>
    <message>
        <source>New transfer…</source>
        <translation>新規移転…</translation>
    </message>
    <message>
        <source>&amp;New agreement…</source>
        <translation>新規協定(&amp;N)…</translation>
    </message>
    <message>
        <source>E&amp;dit agreement…</source>
        <translation>協定の編集(&amp;D)…</translation>
    </message>
    <message>
        <source>New &amp;transfer…</source>
        <translation>新規移転(&amp;T)…</translation>
    </message>
    <message>
        <source>Edit t&amp;ransfer…</source>
        <translation>移転の編集(&amp;R)…</translation>
    </message>
    <message>
        <source>A data-exchange visit needs a signed data-sharing or material-transfer agreement with the visitor&apos;s home institution or the host, in force for the whole stay; until there is one, its checklist carries a blocking item.</source>
        <translation>データ交換訪問には、訪問者の所属機関または受入機関との間で締結され、滞在期間全体にわたって有効なデータ共有協定または試料提供協定が必要です。協定が締結されるまで、その訪問のチェックリストには必須項目が残ります。</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>協定</translation>
    </message>
    <message>
        <source>Enter or double-click: edit the agreement</source>
        <translation>Enter キーまたはダブルクリック: 協定を編集</translation>
    </message>
    <message>
        <source>Data and material transfers</source>
        <translation>データ・試料の移転</translation>
    </message>
    <message>
        <source>Enter: edit the transfer · double-click: open its visit</source>
        <translation>Enter キー: 移転を編集 · ダブルクリック: 訪問を開く</translation>
    </message>
    <message>
        <source>A transfer moves under an agreement: add one first</source>
        <translation>移転は協定に基づいて行われます。先に協定を追加してください</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Exchange Visit Planner</source>
        <translation>交流訪問プランナー</translation>
    </message>
    <message>
        <source>automatic, at start</source>
        <translation>自動(起動時)</translation>
    </message>
    <message>
        <source>made by you</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>復元前</translation>
    </message>
    <message>
        <source>before a schema upgrade</source>
        <translation>スキーマ更新前</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>The backup failed: {0}</source>
        <translation>バックアップに失敗しました: {0}</translation>
    </message>
    <message>
        <source>Backup saved and verified:
{0}</source>
        <translation>バックアップを保存し、検証しました:
{0}</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>バックアップの復元</translation>
    </message>
    <message>
        <source>Choose the backup to go back to. The current database is backed up first, so a restore can itself be undone.</source>
        <translation>戻したいバックアップを選択してください。復元の前に現在のデータベースがバックアップされるため、復元自体も元に戻せます。</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <source>Restore the backup of {0}?

Everything changed after that time is replaced by the backup. The current database is backed up first.</source>
        <translation>{0} のバックアップを復元しますか?

その時点以降の変更はすべてバックアップの内容に置き換えられます。現在のデータベースは先にバックアップされます。</translation>
    </message>
    <message>
        <source>A shared server database is backed up on the server.</source>
        <translation>共有サーバーのデータベースはサーバー側でバックアップされます。</translation>
    </message>
    <message>
        <source>Nothing was restored: {0}</source>
        <translation>何も復元されませんでした: {0}</translation>
    </message>
    <message>
        <source>Restored the backup of {0}. The database as it was is kept in {1}.</source>
        <translation>{0} のバックアップを復元しました。復元前のデータベースは {1} に保存されています。</translation>
    </message>
    <message>
        <source>The database {0} is damaged ({1}).</source>
        <translation>データベース {0} が破損しています({1})。</translation>
    </message>
    <message>
        <source>No good backup was found. The file was not changed; copy it somewhere safe.</source>
        <translation>正常なバックアップが見つかりませんでした。ファイルは変更されていません。安全な場所にコピーしてください。</translation>
    </message>
    <message>
        <source>The newest good backup is from {0}. Restoring it loses the changes made after that time. The damaged file is kept, unchanged, as {1}.corrupt-&lt;time&gt;.</source>
        <translation>最新の正常なバックアップは {0} のものです。これを復元すると、それ以降の変更は失われます。破損したファイルは変更されずに {1}.corrupt-&lt;time&gt; として保存されます。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>バックアップを復元</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Visitor</source>
        <extracomment>What a masked (sensitive, not revealed) value shows. What the first column shows for a visit field (translated where shown).</extracomment>
        <translation>訪問者</translation>
    </message>
    <message>
        <source>Host institution</source>
        <translation>受入機関</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到着</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>出発</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>有償</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Host person</source>
        <translation>受入担当者</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Notes for the visitor</source>
        <translation>訪問者向けメモ</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>内部メモ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it. Their changes are below. Reload to see their version (your unsaved edits are discarded), or overwrite to save yours over theirs.</source>
        <translation>このレコードは、開いた後に他の人が保存しました。相手の変更を下に示します。再読み込みすると相手の内容を表示します(保存していない編集は破棄されます)。上書きすると自分の内容で置き換えます。</translation>
    </message>
    <message>
        <source>Visit {code} was changed</source>
        <translation>訪問 {code} が変更されました</translation>
    </message>
    <message>
        <source>Someone else saved this visit after you opened it. Their changes are below. Reload to see their version (your unsaved edits are discarded), or overwrite to save yours over theirs.</source>
        <translation>この訪問は、開いた後に他のユーザーによって保存されました。その変更内容を以下に示します。再読み込みすると相手の内容が表示されます(未保存の編集は破棄されます)。上書きすると自分の内容で保存されます。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>他の人が変更しました</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>開いた時点</translation>
    </message>
    <message>
        <source>Now saved</source>
        <translation>現在の保存内容</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>自分の内容</translation>
    </message>
    <message>
        <source>&amp;Reload their version</source>
        <translation>相手の内容を再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>自分の内容で上書き(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明日</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>in %n days</source>
        <translation>%n 日後</translation>
    </message>
    <message>
        <source>%n days ago</source>
        <translation>%n 日前</translation>
    </message>
    <message>
        <source>blocking</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>When</source>
        <extracomment>Column titles of a visit section and of the paperwork section.</extracomment>
        <translation>日時</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>訪問者</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>受入機関</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>%1 visits %2</source>
        <translation>%2の訪問 %1 件</translation>
    </message>
    <message>
        <source>Visits by status</source>
        <extracomment>Changes after which the dashboard reloads. ``provider(today, days)`` → paperwork items overdue or due within *days* of *today*. Rows a section table shows without scrolling (more scroll inside the section). Typical texts that set the width of each short column of a section table. Below this width the sections stack in one column: side by side, each would be too narrow for its names (at 1024×700 the host and status hid behind a scrollbar). The horizons the coordinator may choose, in days.</extracomment>
        <translation>状態別の訪問</translation>
    </message>
    <message>
        <source>Arrivals — next %n days</source>
        <translation>到着 — 今後 %n 日間</translation>
    </message>
    <message>
        <source>No arrivals in the next %n days</source>
        <translation>今後 %n 日間に到着予定はありません</translation>
    </message>
    <message>
        <source>Departures — next %n days</source>
        <translation>出発 — 今後 %n 日間</translation>
    </message>
    <message>
        <source>No departures in the next %n days</source>
        <translation>今後 %n 日間に出発予定はありません</translation>
    </message>
    <message>
        <source>In progress (by departure date)</source>
        <translation>実施中(出発日順)</translation>
    </message>
    <message>
        <source>No visits in progress today</source>
        <translation>今日実施中の訪問はありません</translation>
    </message>
    <message>
        <source>Status behind the dates</source>
        <translation>状態が日付より遅れている訪問</translation>
    </message>
    <message>
        <source>Every visit&apos;s status agrees with its dates</source>
        <translation>すべての訪問の状態が日付と一致しています</translation>
    </message>
    <message>
        <source>Paperwork overdue or due within %n days</source>
        <translation>期限超過または期限まで %n 日以内の書類</translation>
    </message>
    <message>
        <source>No paperwork overdue or due in the next %n days</source>
        <translation>期限超過または今後 %n 日以内に期限を迎える書類はありません</translation>
    </message>
    <message>
        <source>&amp;Look ahead:</source>
        <translation>表示期間(&amp;L):</translation>
    </message>
    <message>
        <source>Look ahead</source>
        <translation>表示期間</translation>
    </message>
    <message>
        <source>%n days</source>
        <translation>%n 日間</translation>
    </message>
    <message>
        <source>Next {days} days: {arrivals} arriving, {departures} leaving</source>
        <translation>今後 {days} 日間: 到着 {arrivals} 件、出発 {departures} 件</translation>
    </message>
    <message>
        <source>Today is %1</source>
        <translation>今日は %1 です</translation>
    </message>
    <message>
        <source>Visits by status (%n in all)</source>
        <translation>状態別の訪問 (全 %n 件)</translation>
    </message>
</context>
<context>
    <name>DashboardMenu</name>
    <message>
        <source>&amp;Open Visit</source>
        <translation>訪問を開く(&amp;O)</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <source>&amp;New…</source>
        <extracomment>Changes after which the lists reload.</extracomment>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Japanese name</source>
        <translation>日本語名</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>略称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <source>City</source>
        <translation>都市</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <source>Institutions</source>
        <extracomment>The editor opened last; None once it is closed.</extracomment>
        <translation>機関</translation>
    </message>
    <message>
        <source>&amp;New Institution…</source>
        <translation>新規機関(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit Institution…</source>
        <translation>機関の編集(&amp;E)…</translation>
    </message>
    <message>
        <source>No institutions yet: add your own and each partner&apos;s; visits go between them.</source>
        <translation>機関はまだありません。自機関と各パートナー機関を追加してください。訪問は機関の間で行われます。</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>New &amp;Project…</source>
        <translation>新規プロジェクト(&amp;P)…</translation>
    </message>
    <message>
        <source>Edit Pro&amp;ject…</source>
        <translation>プロジェクトの編集(&amp;J)…</translation>
    </message>
    <message>
        <source>No projects yet: a visit may belong to a joint project.</source>
        <translation>プロジェクトはまだありません。訪問は共同プロジェクトに属することができます。</translation>
    </message>
    <message>
        <source>Institutions: {institutions} · Projects: {projects}</source>
        <translation>機関: {institutions} · プロジェクト: {projects}</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>機関・プロジェクト</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong and the last action may not have finished ({detail}). Everything saved before it is safe. The technical details were written to the error output; please include them if you report this problem.</source>
        <translation>問題が発生したため、直前の操作が完了していない可能性があります({detail})。それより前に保存された内容は失われていません。技術的な詳細はエラー出力に書き込まれました。この問題を報告する際は、その詳細を添えてください。</translation>
    </message>
    <message>
        <source>Exchange Visit Planner</source>
        <translation>交流訪問プランナー</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>タイトル(&amp;T):</translation>
    </message>
    <message>
        <source>Title (&amp;Japanese):</source>
        <translation>タイトル(日本語)(&amp;J):</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>シリーズ(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>機関(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>会場(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Starts (local):</source>
        <translation>開始(現地時刻)(&amp;S):</translation>
    </message>
    <message>
        <source>Start &amp;zone:</source>
        <translation>開始タイムゾーン(&amp;Z):</translation>
    </message>
    <message>
        <source>&amp;Ends (local):</source>
        <translation>終了(現地時刻)(&amp;E):</translation>
    </message>
    <message>
        <source>End z&amp;one:</source>
        <translation>終了タイムゾーン(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>説明(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Find a slot at every site…</source>
        <translation>全拠点で使える時間帯を探す(&amp;F)…</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新規イベント</translation>
    </message>
    <message>
        <source>Event: {title}</source>
        <translation>イベント: {title}</translation>
    </message>
    <message>
        <source>this time is skipped by a clock change</source>
        <translation>この時刻は時刻の切り替え(夏時間)により存在しません</translation>
    </message>
    <message>
        <source>this time happens twice (clocks go back); choose another</source>
        <translation>この時刻は時計が戻るため 2 回発生します。別の時刻を選択してください</translation>
    </message>
    <message>
        <source>New event {title}</source>
        <translation>新規イベント {title}</translation>
    </message>
    <message>
        <source>Edit event {title}</source>
        <translation>イベント {title} を編集</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>対面</translation>
    </message>
    <message>
        <source>Hybrid (room and online)</source>
        <translation>ハイブリッド(会場とオンライン)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>繰り返さない</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>毎週</translation>
    </message>
    <message>
        <source>Every other week</source>
        <translation>隔週</translation>
    </message>
    <message>
        <source>Every month (same weekday)</source>
        <translation>毎月(同じ週の同じ曜日)</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>形式(&amp;M):</translation>
    </message>
    <message>
        <source>Meeting &amp;link:</source>
        <translation>会議URL(&amp;L):</translation>
    </message>
    <message>
        <source>Dial-in (tele&amp;phone):</source>
        <translation>電話参加(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Repeats:</source>
        <translation>繰り返し(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Until (last date):</source>
        <translation>終了日(最終回)(&amp;U):</translation>
    </message>
    <message>
        <source>until the date above</source>
        <translation>上の終了日まで</translation>
    </message>
    <message>
        <source>Or &amp;number of sessions:</source>
        <translation>または回数(&amp;N):</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>拠点</translation>
    </message>
    <message>
        <source>Working hours (local)</source>
        <translation>勤務時間(現地)</translation>
    </message>
    <message>
        <source>Participating &amp;sites:</source>
        <translation>参加拠点(&amp;S):</translation>
    </message>
    <message>
        <source>Local times:</source>
        <translation>現地時刻:</translation>
    </message>
    <message>
        <source>Tick the participating sites to see their local times.</source>
        <translation>参加拠点にチェックを入れると、各拠点の現地時刻が表示されます。</translation>
    </message>
    <message>
        <source>Outside a site&apos;s working hours: {count} of {total}</source>
        <translation>いずれかの拠点の勤務時間外: 全 {total} 回のうち {count} 回</translation>
    </message>
    <message>
        <source>From {day}: {site} at {time} ({zone} changes its clocks)</source>
        <translation>{day} から: {site} では {time}({zone} の時刻変更)</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <source>Lecture</source>
        <extracomment>Life-cycle order, for sorting by status.</extracomment>
        <translation>講演</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <source>Symposium</source>
        <translation>シンポジウム</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>ワークショップ</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>When (local)</source>
        <extracomment>The first occurrence at every participating site: ``Tue 17:00 CST = Wed 08:00 JST``. The events table&apos;s columns, in :class:`EventColumn` order.</extracomment>
        <translation>日時(現地)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>シリーズ</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>At each site</source>
        <translation>各拠点の時刻</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>&amp;New event…</source>
        <translation>新規イベント(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit event…</source>
        <translation>イベントの編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Person to add</source>
        <translation>追加する人物</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>&amp;Add participant</source>
        <translation>参加者を追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove participant</source>
        <translation>参加者を削除(&amp;R)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} events</source>
        <extracomment>Typical widest texts of the short columns; the title takes the rest.</extracomment>
        <translation>イベント {total} 件中 {shown} 件を表示</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>No events yet: seminars, lectures and symposia with their participants.</source>
        <translation>イベントはまだありません。セミナー・講演・シンポジウムとその参加者をここで管理します。</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>新規イベント…</translation>
    </message>
    <message>
        <source>No participants here. Select an event above, then choose a person and a role below and press Add participant.</source>
        <translation>参加者はいません。上でイベントを選び、下で人物と役割を選んで「参加者を追加」を押してください。</translation>
    </message>
    <message>
        <source>Attends</source>
        <translation>参加方法</translation>
    </message>
    <message>
        <source>Participants of {title}</source>
        <translation>{title} の参加者</translation>
    </message>
    <message>
        <source>Add {name} to event</source>
        <translation>{name} をイベントに追加</translation>
    </message>
    <message>
        <source>Cannot add participant</source>
        <translation>参加者を追加できません</translation>
    </message>
    <message>
        <source>Remove {name} from event</source>
        <translation>{name} をイベントから削除</translation>
    </message>
    <message>
        <source>Cannot remove participant</source>
        <translation>参加者を削除できません</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>開催回</translation>
    </message>
    <message>
        <source>Select an event above to see each of its sessions with the local time at every site.</source>
        <translation>上でイベントを選ぶと、各回の日時を各拠点の現地時刻で表示します。</translation>
    </message>
    <message>
        <source>&amp;Cancel this occurrence</source>
        <translation>この回を中止(&amp;C)</translation>
    </message>
    <message>
        <source>Restore &amp;all occurrences</source>
        <translation>すべての回を元に戻す(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Move this occurrence…</source>
        <translation>この回の日時を変更(&amp;M)…</translation>
    </message>
    <message>
        <source>Save ca&amp;lendar (.ics)…</source>
        <translation>カレンダーファイルを保存(&amp;L)…</translation>
    </message>
    <message>
        <source>Save &amp;invitation (.eml)…</source>
        <translation>案内メールの下書きを保存(&amp;I)…</translation>
    </message>
    <message>
        <source>Occurrences: {count}; cancelled: {cancelled}; moved: {moved}</source>
        <translation>全 {count} 回(中止 {cancelled} 回、変更 {moved} 回)</translation>
    </message>
    <message>
        <source>Cancel the occurrence of {date}</source>
        <translation>{date} の回を中止</translation>
    </message>
    <message>
        <source>Move the occurrence of {date}</source>
        <translation>{date} の回の日時を変更</translation>
    </message>
    <message>
        <source>Restore all occurrences</source>
        <translation>すべての回を元に戻す</translation>
    </message>
    <message>
        <source>Save the event for participants</source>
        <translation>参加者向けにイベントを保存</translation>
    </message>
    <message>
        <source>Cannot change the series</source>
        <translation>シリーズを変更できません</translation>
    </message>
    <message>
        <source>Move this occurrence</source>
        <translation>この回の日時を変更</translation>
    </message>
    <message>
        <source>Starts ({zone}):</source>
        <translation>開始({zone}):</translation>
    </message>
    <message>
        <source>Length (minutes):</source>
        <translation>長さ(分):</translation>
    </message>
</context>
<context>
    <name>ExportDialogs</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <source>iCalendar file (*.ics)</source>
        <translation>iCalendar ファイル (*.ics)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Web ページ (*.html)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Japanese (日本語)</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>Bilingual (English / 日本語)</source>
        <translation>英語・日本語併記</translation>
    </message>
    <message>
        <source>&amp;Without confirmation codes (a copy to share)</source>
        <translation>予約番号を含めない（共有用の写し）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>フォルダー:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>書き出し(&amp;E)</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <extracomment>The export under way, if any: the dialog stays open (and disabled) until it ends.</extracomment>
        <translation>フォルダーに書き出し</translation>
    </message>
    <message>
        <source>Export itinerary</source>
        <translation>旅程の書き出し</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>書き込み先のファイルを選択してください。</translation>
    </message>
    <message>
        <source>Export participants&apos; itineraries — {0}</source>
        <translation>イベント参加者の旅程の書き出し — {0}</translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation>既存のフォルダーを選択してください。</translation>
    </message>
    <message>
        <source>Exporting itineraries…</source>
        <translation>旅程を書き出しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Some files were not written:</source>
        <translation>一部のファイルを書き込めませんでした:</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>ファイルの選択</translation>
    </message>
    <message>
        <source>A .csv (UTF-8, UTF-16 or Shift_JIS; comma, semicolon or tab) or .xlsx file whose first row names the columns. Formulas in an .xlsx file count with the values Excel or LibreOffice stored.</source>
        <translation>1 行目に列名がある .csv ファイル(UTF-8・UTF-16・Shift_JIS、カンマ・セミコロン・タブ区切り)または .xlsx ファイルを選択してください。.xlsx の数式は Excel や LibreOffice が保存した計算結果の値で読み込みます。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Save an empty template…</source>
        <translation>空のテンプレートを保存…</translation>
    </message>
    <message>
        <source>An .xlsx file with every column this import recognises (English and Japanese titles), an example row and drop-down lists</source>
        <translation>この取り込みが認識するすべての列(英語と日本語の列名)、記入例の行、ドロップダウンリストを含む .xlsx ファイル</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>テンプレートを保存</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved: {path}</source>
        <translation>テンプレートを保存しました: {path}</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>取り込むファイル</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>スプレッドシート (*.csv *.xlsx);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Visits</source>
        <extracomment>Group headings, in :class:`HitKind` order (context &quot;GlobalSearch&quot;).</extracomment>
        <translation>訪問</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>機関</translation>
    </message>
    <message>
        <source>Paperwork</source>
        <translation>書類手続き</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>すべてを検索</translation>
    </message>
    <message>
        <source>Visit code, name in either script, e-mail, event, institution or document</source>
        <translation>訪問番号、氏名(ローマ字・漢字)、メール、イベント、機関、書類名</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>    … more: type more of the name</source>
        <translation>    … ほかにもあります: さらに入力して絞り込んでください</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>見つかりませんでした</translation>
    </message>
    <message>
        <source>Enter opens the record; Up and Down choose</source>
        <translation>Enter で開く、上下キーで選択</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <source>paperwork request to {to} ({lang})</source>
        <translation>{to} への書類依頼（{lang}）</translation>
    </message>
    <message>
        <source>itinerary version {revision} to {to} ({lang})</source>
        <translation>{to} への旅程表 第{revision}版（{lang}）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>create</source>
        <extracomment>What each audit action reads as (lower case; translated where shown).</extracomment>
        <translation>作成</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状態変更</translation>
    </message>
    <message>
        <source>import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>sensitive fields shown</source>
        <translation>機微情報の表示</translation>
    </message>
    <message>
        <source>sensitive fields exported</source>
        <translation>機微情報の書き出し</translation>
    </message>
    <message>
        <source>e-mail draft for the visitor</source>
        <translation>訪問者へのメール下書き</translation>
    </message>
    <message>
        <source>date of birth</source>
        <extracomment>The sensitive person fields as the History tab names them (translated where shown).</extracomment>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>passport number</source>
        <translation>旅券番号</translation>
    </message>
    <message>
        <source>passport expiry</source>
        <translation>パスポートの有効期限</translation>
    </message>
    <message>
        <source>exchange package {code}</source>
        <translation>交換パッケージ {code}</translation>
    </message>
    <message>
        <source>visits spreadsheet</source>
        <translation>訪問一覧の表</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>row {row}, column {column}, value {value}: {message}</source>
        <translation>行 {row}、列 {column}、値 {value}: {message}</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {message}</source>
        <translation>行 {row}、列 {column}: {message}</translation>
    </message>
    <message>
        <source>{added} {kind} added, {present} already present</source>
        <translation>{kind}: {added} 件追加、既存 {present} 件</translation>
    </message>
    <message>
        <source>; institutions created: {names}</source>
        <translation>。作成した機関: {names}</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>訪問</translation>
    </message>
    <message>
        <source>Import People</source>
        <extracomment>The preview finished checking (plan or error shown). The import committed; carries the :class:`ImportReport`. The import failed; nothing was written.</extracomment>
        <translation>人物の取り込み</translation>
    </message>
    <message>
        <source>Import Visits</source>
        <translation>訪問の取り込み</translation>
    </message>
</context>
<context>
    <name>InstitutionEditor</name>
    <message>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <source>Name in &amp;Japanese</source>
        <translation>名前(日本語)(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Short name</source>
        <translation>略称(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>国(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>都市(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>住所(&amp;A)</translation>
    </message>
    <message>
        <source>The IANA time zone local times here are shown in</source>
        <translation>この機関の現地時刻の表示に使用する IANA タイムゾーン</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>タイムゾーン(&amp;T)</translation>
    </message>
    <message>
        <source>New institution</source>
        <translation>新規機関</translation>
    </message>
    <message>
        <source>Edit institution — {name}</source>
        <translation>機関の編集 — {name}</translation>
    </message>
    <message>
        <source>Add institution {name}</source>
        <translation>機関 {name} を追加</translation>
    </message>
    <message>
        <source>Edit institution {name}</source>
        <translation>機関 {name} を編集</translation>
    </message>
</context>
<context>
    <name>InstitutionKind</name>
    <message>
        <source>National laboratory</source>
        <translation>国立研究所</translation>
    </message>
    <message>
        <source>Research institute</source>
        <translation>研究機関</translation>
    </message>
    <message>
        <source>University</source>
        <translation>大学</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>Itinerary</name>
    <message>
        <source>Flight</source>
        <translation>フライト</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>列車</translation>
    </message>
    <message>
        <source>Ground transport</source>
        <translation>陸上交通</translation>
    </message>
    <message>
        <source>Lodging</source>
        <translation>宿泊</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Lecture</source>
        <translation>講演</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <source>Symposium</source>
        <translation>シンポジウム</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>見学</translation>
    </message>
    <message>
        <source>Badge pickup</source>
        <translation>入構証受け取り</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>食事</translation>
    </message>
    <message>
        <source>Free time</source>
        <translation>自由時間</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Start (local)</source>
        <extracomment>The kind as the interface shows it (the itinerary dialog imports it under this name).</extracomment>
        <translation>開始(現地)</translation>
    </message>
    <message>
        <source>End (local)</source>
        <translation>終了(現地)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>チェック</translation>
    </message>
</context>
<context>
    <name>ItineraryEditor</name>
    <message>
        <source>Itinerary by day</source>
        <extracomment>Replaced by tests; the dialog asks through it which instant a DST time means.</extracomment>
        <translation>日別の旅程</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上へ移動(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下へ移動(&amp;D)</translation>
    </message>
    <message>
        <source>Order of items that start at the same time</source>
        <translation>同じ時刻に始まる項目の順序</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Shortest acceptable connection between two legs</source>
        <translation>2 つの区間の間で許容する最短の乗り継ぎ時間</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Print Preview…</source>
        <translation>印刷プレビュー…</translation>
    </message>
    <message>
        <source>Minimum &amp;connection:</source>
        <translation>最短乗り継ぎ時間(&amp;C):</translation>
    </message>
    <message>
        <source>Checks that need attention</source>
        <translation>確認が必要な項目</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>%n check needs attention:</source>
        <translation>%n 件の確認事項に注意が必要です:</translation>
    </message>
    <message>
        <source>%n checks need attention:</source>
        <translation>%n 件の確認事項に注意が必要です:</translation>
    </message>
    <message>
        <source>Add “{0}”</source>
        <translation>「{0}」を追加</translation>
    </message>
    <message>
        <source>Edit “{0}”</source>
        <translation>「{0}」を編集</translation>
    </message>
    <message>
        <source>“{0}” was changed</source>
        <translation>「{0}」が変更されました</translation>
    </message>
    <message>
        <source>Remove “{0}”</source>
        <translation>「{0}」を削除</translation>
    </message>
    <message>
        <source>Reorder “{0}”</source>
        <translation>「{0}」の順序を変更</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>旅程</translation>
    </message>
</context>
<context>
    <name>ItineraryItemDialog</name>
    <message>
        <source>Which time is meant?</source>
        <extracomment>Asks which instant a wall time means: (parent, question, which end) → instant or None.</extracomment>
        <translation>どちらの時刻ですか?</translation>
    </message>
    <message>
        <source>The {end} time {wall} happens twice in {zone}: clocks go back that night.</source>
        <translation>{zone} では{end}時刻 {wall} が 2 回あります。その夜に時計が戻るためです。</translation>
    </message>
    <message>
        <source>The {end} time {wall} does not exist in {zone}: clocks jump forward that night.</source>
        <translation>{zone} では{end}時刻 {wall} は存在しません。その夜に時計が進むためです。</translation>
    </message>
    <message>
        <source>Choose the instant you mean:</source>
        <translation>意図する時点を選択してください:</translation>
    </message>
    <message>
        <source>Edit itinerary item</source>
        <translation>旅程項目の編集</translation>
    </message>
    <message>
        <source>New itinerary item</source>
        <translation>新規旅程項目</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>タイトル(&amp;T):</translation>
    </message>
    <message>
        <source>Title (&amp;Japanese):</source>
        <translation>タイトル(日本語)(&amp;J):</translation>
    </message>
    <message>
        <source>&amp;Starts (local):</source>
        <translation>開始(現地時刻)(&amp;S):</translation>
    </message>
    <message>
        <source>Start &amp;zone:</source>
        <translation>開始タイムゾーン(&amp;Z):</translation>
    </message>
    <message>
        <source>&amp;Ends (local):</source>
        <translation>終了(現地時刻)(&amp;E):</translation>
    </message>
    <message>
        <source>E&amp;nd zone:</source>
        <translation>終了タイムゾーン(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>住所(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Confirmation code:</source>
        <translation>予約確認番号(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Details for the visitor:</source>
        <translation>訪問者向けの詳細(&amp;D):</translation>
    </message>
    <message>
        <source>Details in Ja&amp;panese:</source>
        <translation>詳細（日本語）(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Internal notes (never exported):</source>
        <translation>内部メモ(書き出されません)(&amp;I):</translation>
    </message>
    <message>
        <source>Departure and arrival each have their own zone.</source>
        <translation>出発と到着にはそれぞれ別のタイムゾーンがあります。</translation>
    </message>
    <message>
        <source>Departure zone:</source>
        <translation>出発タイムゾーン:</translation>
    </message>
    <message>
        <source>Start zone:</source>
        <translation>開始タイムゾーン:</translation>
    </message>
    <message>
        <source>Arrival zone:</source>
        <translation>到着タイムゾーン:</translation>
    </message>
    <message>
        <source>End zone:</source>
        <translation>終了タイムゾーン:</translation>
    </message>
    <message>
        <source>start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>Sign in to the team server</source>
        <translation>チームサーバーにサインイン</translation>
    </message>
    <message>
        <source>Server: {server}
{problem}</source>
        <translation>サーバー：{server}
{problem}</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>パスワードをシステムのキーチェーンに保存(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>ログイン(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Exchange Visit Planner</source>
        <translation>交流訪問プランナーについて(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New Visit…</source>
        <extracomment>Keys of an action: a standard key and fallbacks (see :func:`standard_shortcuts`), or explicit key sequences. The workspace actions, in the order they are made.</extracomment>
        <translation>新規訪問(&amp;N)…</translation>
    </message>
    <message>
        <source>New &amp;Person…</source>
        <translation>新規人物(&amp;P)…</translation>
    </message>
    <message>
        <source>New &amp;Event…</source>
        <translation>新規イベント(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Export Itinerary…</source>
        <translation>旅程の書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>印刷プレビュー(&amp;V)…</translation>
    </message>
    <message>
        <source>Sen&amp;d Itinerary to Visitor…</source>
        <translation>訪問者に旅程表を送る(&amp;D)…</translation>
    </message>
    <message>
        <source>Request Paperwork &amp;from Visitor…</source>
        <translation>訪問者に書類を依頼(&amp;F)…</translation>
    </message>
    <message>
        <source>Invitation &amp;Letter…</source>
        <translation>招へい状(&amp;L)…</translation>
    </message>
    <message>
        <source>Export Event &amp;Participants&apos; Itineraries…</source>
        <translation>イベント参加者の旅程の書き出し(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;Table…</source>
        <translation>表の書き出し(&amp;T)…</translation>
    </message>
    <message>
        <source>Export E&amp;xchange Package…</source>
        <translation>交換パッケージの書き出し(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import Exchange Package…</source>
        <translation>交換パッケージの取り込み(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;People…</source>
        <translation>人物の取り込み(&amp;P)…</translation>
    </message>
    <message>
        <source>Import &amp;Visits…</source>
        <translation>訪問の取り込み(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>復元(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open Visit</source>
        <translation>訪問を開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Duplicate Visit</source>
        <translation>訪問を複製(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cancel Visit…</source>
        <translation>訪問を中止(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>&amp;Itinerary</source>
        <translation>旅程(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Paperwork</source>
        <extracomment>Starts the import wizard on a dropped file (tests replace it: the wizard is modal). Asks whether a dropped sheet holds people or visits (tests replace it).</extracomment>
        <translation>書類手続き(&amp;P)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <extracomment>Makes a page&apos;s view inside *parent*; the widget implements the View protocol. The main views in menu and sidebar order; the visits list feeds the status bar, so it and the dashboard (shown first) are built with the window.</extracomment>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>訪問</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Paperwork</source>
        <translation>書類手続き</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>機関</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>協定</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>報告書</translation>
    </message>
    <message>
        <source>Paperwork rules</source>
        <translation>書類手続きルール</translation>
    </message>
    <message>
        <source>Getting started</source>
        <extracomment>The page&apos;s name in the page table (and its screenshot&apos;s file name). Its title in the sidebar and the Help menu&apos;s entry.</extracomment>
        <translation>はじめに</translation>
    </message>
    <message>
        <source>Open visit</source>
        <translation>訪問を開く</translation>
    </message>
    <message>
        <source>Export table</source>
        <extracomment>The spreadsheet files the import wizard reads (a file dropped on the window).</extracomment>
        <translation>表の書き出し</translation>
    </message>
    <message>
        <source>This view has no table to export.</source>
        <translation>このビューには書き出せる表がありません。</translation>
    </message>
    <message>
        <source>Export exchange package</source>
        <translation>交換パッケージの書き出し</translation>
    </message>
    <message>
        <source>Select a visit in the list first.</source>
        <translation>先に一覧で訪問を選択してください。</translation>
    </message>
    <message>
        <source>Export itinerary</source>
        <translation>旅程の書き出し</translation>
    </message>
    <message>
        <source>Export itineraries</source>
        <translation>旅程の書き出し</translation>
    </message>
    <message>
        <source>Select an event first.</source>
        <translation>先にイベントを選択してください。</translation>
    </message>
    <message>
        <source>Print itinerary</source>
        <translation>旅程の印刷</translation>
    </message>
    <message>
        <source>Duplicate visit {code}</source>
        <translation>訪問 {code} を複製</translation>
    </message>
    <message>
        <source>Cannot duplicate</source>
        <translation>複製できません</translation>
    </message>
    <message>
        <source>Cancel visit</source>
        <translation>訪問を中止</translation>
    </message>
    <message>
        <source>Visit {code} is {status} and can no longer be cancelled.</source>
        <translation>訪問 {code} は{status}のため、中止できません。</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>訪問の削除</translation>
    </message>
    <message>
        <source>Only a draft can be deleted. Visit {code} is {status}: cancel it instead, so that its history is kept.</source>
        <translation>削除できるのは下書きだけです。訪問 {code} は{status}です。履歴を残すため、代わりに中止してください。</translation>
    </message>
    <message>
        <source>Delete the draft visit {code}? This cannot be undone.</source>
        <translation>下書きの訪問 {code} を削除しますか?元に戻せません。</translation>
    </message>
    <message>
        <source>%n itinerary item</source>
        <translation>旅程 %n 件</translation>
    </message>
    <message>
        <source>%n itinerary items</source>
        <translation>旅程 %n 件</translation>
    </message>
    <message>
        <source>%n paperwork item</source>
        <translation>書類手続き %n 件</translation>
    </message>
    <message>
        <source>%n paperwork items</source>
        <translation>書類手続き %n 件</translation>
    </message>
    <message>
        <source>Deleted with it: {what}.</source>
        <translation>一緒に削除されるもの:{what}。</translation>
    </message>
    <message>
        <source>About {name}</source>
        <translation>{name} について</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} visits</source>
        <extracomment>Kinds of change the list follows: visits, and the names it shows of people and places. How many rows (from the top) set the column widths when the list first fills. Typical widest texts of the short columns; the visitor&apos;s name takes the rest. A date that is wide in every format (a long month name, a two-digit day, a Wednesday).</extracomment>
        <translation>訪問 {total} 件中 {shown} 件を表示</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <extracomment>Theme icon names of the window&apos;s actions (attribute of MainActions or WorkspaceActions). The toolbar, left to right; None is a separator.</extracomment>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>&amp;Search Everything…</source>
        <translation>すべてを検索(&amp;S)…</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>表計算ファイルの取り込み</translation>
    </message>
    <message>
        <source>Does {name} list people or visits?</source>
        <translation>{name} は人物と訪問のどちらの一覧ですか?</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>列の対応付け</translation>
    </message>
    <message>
        <source>Columns were matched by their names; correct any that are wrong. Fields marked * are required.</source>
        <translation>列名に基づいて列を対応付けました。誤りがあれば修正してください。* の付いた項目は必須です。</translation>
    </message>
    <message>
        <source>{title} → {field}? (closest field; check it)</source>
        <extracomment>Columns matched to no field, with the closest field when one is close enough. Field key → column index of the suggestions filled in (not exact matches).</extracomment>
        <translation>{title} → {field}?(最も近い項目です。確認してください)</translation>
    </message>
    <message>
        <source>{title}: not imported</source>
        <translation>{title}: 取り込みません</translation>
    </message>
    <message>
        <source>Columns not recognised: {list}</source>
        <translation>認識できなかった列: {list}</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(ファイルになし)</translation>
    </message>
    <message>
        <source>(column {n})</source>
        <translation>(列 {n})</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>フォルダーを表示</translation>
    </message>
    <message>
        <source>{name} written</source>
        <translation>{name} を書き出しました</translation>
    </message>
    <message>
        <source>1 file written to {folder}</source>
        <translation>{folder} にファイルを 1 件書き出しました</translation>
    </message>
    <message>
        <source>{count} files written to {folder}</source>
        <translation>{folder} にファイルを {count} 件書き出しました</translation>
    </message>
    <message>
        <source>Saved: {title}</source>
        <translation>保存しました: {title}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
    <message>
        <source>Visit {code} saved</source>
        <translation>訪問 {code} を保存しました</translation>
    </message>
</context>
<context>
    <name>OccurrenceTableModel</name>
    <message>
        <source>moved</source>
        <translation>日時変更</translation>
    </message>
    <message>
        <source>outside working hours at {site}</source>
        <translation>{site} の勤務時間外</translation>
    </message>
    <message>
        <source>{site}: time moved, {zone} changed its clocks</source>
        <translation>{site}: {zone} の時刻変更により時刻が変わります</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>The occurrences table&apos;s columns.</extracomment>
        <translation>日付</translation>
    </message>
    <message>
        <source>Local time at each site</source>
        <translation>各拠点の現地時刻</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
</context>
<context>
    <name>PackageDialogs</name>
    <message>
        <source>Exchange package (*.json)</source>
        <translation>交換パッケージ (*.json)</translation>
    </message>
    <message>
        <source>Key file (*.json)</source>
        <translation>鍵ファイル (*.json)</translation>
    </message>
    <message>
        <source>Export exchange package — {0}</source>
        <extracomment>The file name ending of exchange packages, which the desktop&apos;s MIME type matches.</extracomment>
        <translation>交換パッケージの書き出し — {0}</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Include &amp;sensitive fields (date of birth, passport number and expiry)</source>
        <translation>機微情報(生年月日、旅券番号、パスポートの有効期限)を含める(&amp;S)</translation>
    </message>
    <message>
        <source>The package carries the visit, the visitor and host, the itinerary and the paperwork status. Internal notes and attached files never leave this planner.</source>
        <translation>パッケージには訪問、訪問者と受入機関、旅程、書類手続きの状態が含まれます。内部メモと添付ファイルがこのプランナーの外に出ることはありません。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Encrypt to:</source>
        <translation>暗号化の宛先:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>書き出し(&amp;E)</translation>
    </message>
    <message>
        <source>The partner&apos;s key file, from their &apos;planner keys export&apos;</source>
        <translation>相手機関の鍵ファイル(&apos;planner keys export&apos; で作成したもの)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>参照(&amp;W)…</translation>
    </message>
    <message>
        <source>The partner&apos;s key file</source>
        <translation>相手機関の鍵ファイル</translation>
    </message>
    <message>
        <source>Export exchange package</source>
        <translation>交換パッケージの書き出し</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>書き込み先のファイルを選択してください。</translation>
    </message>
    <message>
        <source>The package will contain the visitor&apos;s date of birth, passport number and passport expiry. Send it only through a channel approved for personal data. Include them?</source>
        <translation>パッケージには訪問者の生年月日、旅券番号、パスポートの有効期限が含まれます。個人情報の送信が承認された経路でのみ送付してください。これらを含めますか?</translation>
    </message>
    <message>
        <source>From {0}, key {1} ({2})</source>
        <translation>送信元 {0}、鍵 {1}({2})</translation>
    </message>
    <message>
        <source>NOT SIGNED by a partner&apos;s key: {0}</source>
        <translation>相手機関の鍵による署名がありません: {0}</translation>
    </message>
    <message>
        <source>Encrypted to this planner&apos;s key.</source>
        <translation>このプランナーの鍵あてに暗号化されています。</translation>
    </message>
    <message>
        <source>Creates visit {0}</source>
        <translation>訪問 {0} を作成します</translation>
    </message>
    <message>
        <source>Updates visit {0}</source>
        <translation>訪問 {0} を更新します</translation>
    </message>
    <message>
        <source>Status: the partner says {0}; here it becomes {1}</source>
        <translation>ステータス: 相手機関では {0}、こちらでは {1} になります</translation>
    </message>
    <message>
        <source>New: {0}</source>
        <translation>新規: {0}</translation>
    </message>
    <message>
        <source>(set from the package)</source>
        <translation>(パッケージの値を設定)</translation>
    </message>
    <message>
        <source>Change: {0}, {1}: {2} → {3}</source>
        <translation>変更: {0}、{1}: {2} → {3}</translation>
    </message>
    <message>
        <source>Match: {0} {1} is {2} here (by {3})</source>
        <translation>照合: {0} {1} はこちらの {2}({3}で照合)</translation>
    </message>
    <message>
        <source>— NOT CONFIRMED</source>
        <translation>— 未確認</translation>
    </message>
    <message>
        <source>Conflict: {0}</source>
        <translation>不一致: {0}</translation>
    </message>
    <message>
        <source>Not taken: {0}</source>
        <translation>取り込まないもの: {0}</translation>
    </message>
    <message>
        <source>Paperwork: {0}</source>
        <translation>書類: {0}</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>拒否: {0}</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>信頼済み</translation>
    </message>
    <message>
        <source>first package from this partner</source>
        <translation>この相手機関からの最初のパッケージ</translation>
    </message>
    <message>
        <source>Review exchange package — {0}</source>
        <translation>交換パッケージの確認 — {0}</translation>
    </message>
    <message>
        <source>&amp;Trust this partner&apos;s key: {0} (compare it with your contact by phone)</source>
        <translation>この相手機関の鍵を信頼する(&amp;T): {0}(先方の担当者と電話で照合してください)</translation>
    </message>
    <message>
        <source>Import although the package is &amp;not signed (the audit records it)</source>
        <translation>署名がなくても取り込む(&amp;N)(監査ログに記録されます)</translation>
    </message>
    <message>
        <source>&amp;Confirm the people matched by e-mail only</source>
        <translation>メールアドレスだけで照合した人物を確認済みとする(&amp;C)</translation>
    </message>
    <message>
        <source>Apply &amp;dates of birth and passport fields the package carries</source>
        <translation>パッケージに含まれる生年月日と旅券情報を反映する(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <source>Import exchange package</source>
        <translation>交換パッケージの取り込み</translation>
    </message>
    <message>
        <source>{0} cannot be imported: {1}</source>
        <translation>{0} は取り込めません: {1}</translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation>何も取り込まれませんでした: {0}</translation>
    </message>
    <message>
        <source>Visit {0} created.</source>
        <translation>訪問 {0} を作成しました。</translation>
    </message>
    <message>
        <source>Visit {0} updated.</source>
        <translation>訪問 {0} を更新しました。</translation>
    </message>
</context>
<context>
    <name>Paperwork</name>
    <message>
        <source>Not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>実施中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提出済み</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Waived</source>
        <translation>免除</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>コーディネーター</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>訪問者</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>受入機関</translation>
    </message>
    <message>
        <source>late by %n day</source>
        <translation>%n 日遅れ</translation>
    </message>
    <message>
        <source>late by %n days</source>
        <translation>%n 日遅れ</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>遅延</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照番号</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>No paperwork rule requires this item any more; kept for the record.</source>
        <translation>この項目を必要とする書類手続きルールはなくなりました。記録として残しています。</translation>
    </message>
    <message>
        <source>{title} — no longer required</source>
        <translation>{title} — 現在は不要</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>対応済み</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>訪問</translation>
    </message>
</context>
<context>
    <name>PaperworkMenu</name>
    <message>
        <source>Set &amp;Status</source>
        <translation>状態を設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open Visit</source>
        <translation>訪問を開く(&amp;O)</translation>
    </message>
</context>
<context>
    <name>PaperworkTab</name>
    <message>
        <source>{0} bytes</source>
        <extracomment>Changes after which the checklist reloads.</extracomment>
        <translation>{0} バイト</translation>
    </message>
    <message>
        <source>{0} KB</source>
        <translation>{0} KB</translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>選択した項目</translation>
    </message>
    <message>
        <source>&amp;Save item</source>
        <translation>項目を保存(&amp;S)</translation>
    </message>
    <message>
        <source>Reference no.</source>
        <translation>参照番号</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提出日</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認日</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Paperwork checklist</source>
        <extracomment>What &quot;today&quot; is for late-by and warnings (tests replace it).</extracomment>
        <translation>書類チェックリスト</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照番号</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>&amp;Add file…</source>
        <translation>ファイルを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>No files attached. Add the signed form, approval letter or a scan of the visa; a private copy is kept in the data folder.</source>
        <translation>添付ファイルはありません。署名済みの書式、承認通知、ビザのスキャンなどを追加してください。コピーがデータフォルダーに保存されます。</translation>
    </message>
    <message>
        <source>Save the visit to generate its paperwork.</source>
        <translation>訪問を保存すると書類手続きが生成されます。</translation>
    </message>
    <message>
        <source>%1 of %2 items approved or waived.</source>
        <translation>%2 件中 %1 件の項目が承認済みまたは免除です。</translation>
    </message>
    <message>
        <source>%n blocking item must be approved or waived before the visit can be confirmed.</source>
        <translation>訪問を確定するには、必須項目 %n 件を承認または免除にする必要があります。</translation>
    </message>
    <message>
        <source>%n blocking items must be approved or waived before the visit can be confirmed.</source>
        <translation>訪問を確定するには、必須項目 %n 件を承認または免除にする必要があります。</translation>
    </message>
    <message>
        <source>No blocking paperwork is open.</source>
        <translation>未完了の必須書類はありません。</translation>
    </message>
    <message>
        <source>Select an item to edit it.</source>
        <translation>編集する項目を選択してください。</translation>
    </message>
    <message>
        <source>Due %1 days before arrival.</source>
        <translation>期限は到着の %1 日前です。</translation>
    </message>
    <message>
        <source>Edit paperwork “%1”</source>
        <translation>書類「%1」を編集</translation>
    </message>
    <message>
        <source>Mark “%1” %2</source>
        <translation>「%1」を%2に設定</translation>
    </message>
    <message>
        <source>“%1” was changed</source>
        <translation>「%1」が変更されました</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Attach “%1”</source>
        <translation>「%1」を添付</translation>
    </message>
    <message>
        <source>The file %1 is missing.</source>
        <translation>ファイル %1 が見つかりません。</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>添付ファイルを削除</translation>
    </message>
    <message>
        <source>Remove “%1”? The copy in the data folder is deleted.</source>
        <translation>「%1」を削除しますか? データフォルダー内のコピーも削除されます。</translation>
    </message>
</context>
<context>
    <name>PaperworkView</name>
    <message>
        <source>Show</source>
        <extracomment>Typical widest texts of the short columns. What &quot;today&quot; is for overdue and due soon (tests replace it).</extracomment>
        <translation>表示</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>未完了の項目</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <source>Overdue or due within %1 days</source>
        <translation>期限超過または %1 日以内に期限</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>すべての項目</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>書類の種類</translation>
    </message>
    <message>
        <source>Every document type</source>
        <translation>すべての書類の種類</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Anyone responsible</source>
        <translation>すべての担当</translation>
    </message>
    <message>
        <source>Filter paperwork</source>
        <translation>書類の絞り込み</translation>
    </message>
    <message>
        <source>Filter (visit, visitor, document)</source>
        <translation>絞り込み(訪問、訪問者、書類)</translation>
    </message>
    <message>
        <source>Paperwork items</source>
        <translation>書類の項目</translation>
    </message>
    <message>
        <source>Nothing outstanding.</source>
        <translation>未処理の書類はありません。</translation>
    </message>
    <message>
        <source>New status of the selected items</source>
        <translation>選択した項目の新しい状態</translation>
    </message>
    <message>
        <source>Set status of selected</source>
        <translation>選択項目の状態を設定</translation>
    </message>
    <message>
        <source>{outstanding} items outstanding, {late} late · showing {shown}</source>
        <translation>未完了 {outstanding} 件、うち期限超過 {late} 件 · {shown} 件を表示</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%2 件中 %1 件</translation>
    </message>
    <message>
        <source>“%1” was changed</source>
        <translation>「%1」が変更されました</translation>
    </message>
    <message>
        <source>Mark “%1” %2</source>
        <translation>「%1」を%2に設定</translation>
    </message>
</context>
<context>
    <name>ParticipantRole</name>
    <message>
        <source>Speaker</source>
        <translation>講演者</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>出席者</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>主催者</translation>
    </message>
</context>
<context>
    <name>ParticipantTableModel</name>
    <message>
        <source>Remote</source>
        <translation>リモート</translation>
    </message>
    <message>
        <source>In the room</source>
        <translation>会場</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Attends</source>
        <translation>参加方法</translation>
    </message>
</context>
<context>
    <name>PeopleMenu</name>
    <message>
        <source>Copy &amp;E-mail Address</source>
        <translation>メールアドレスをコピー(&amp;E)</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Native name</source>
        <translation>漢字氏名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Home institution</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>Showing {shown} of {total} people</source>
        <extracomment>Typical widest texts of the short columns; the name takes the rest. Changes after which the directory reloads: people, and the institution names it shows. More changed people than this are read again in full (off the GUI thread).</extracomment>
        <translation>人物 {total} 人中 {shown} 人を表示</translation>
    </message>
    <message>
        <source>Filter people</source>
        <extracomment>The editor opened last (tests and the window may drive it); None once closed.</extracomment>
        <translation>人物の絞り込み</translation>
    </message>
    <message>
        <source>Filter people (name, 漢字, institution, e-mail, nationality…)</source>
        <translation>人物の絞り込み(名前、漢字、機関、メール、国籍…)</translation>
    </message>
    <message>
        <source>&amp;New Person…</source>
        <translation>新規人物(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit Person…</source>
        <translation>人物の編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete Person…</source>
        <translation>人物の削除(&amp;D)…</translation>
    </message>
    <message>
        <source>No people yet.</source>
        <translation>人物はまだ登録されていません。</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>新規人物…</translation>
    </message>
    <message>
        <source>Import people…</source>
        <translation>人物の取り込み…</translation>
    </message>
    <message>
        <source>Delete person {name}</source>
        <translation>人物 {name} の削除</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: they are the visitor or host of at least one visit, or take part in an event. Delete or reassign those first.</source>
        <translation>{name} は少なくとも 1 件の訪問の訪問者または受入担当者であるか、イベントに参加しているため、削除できません。先にそれらを削除するか、別の人物に割り当ててください。</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>人物の削除</translation>
    </message>
    <message>
        <source>Delete {name} from the directory? You can undo this with Edit → Undo.</source>
        <translation>{name} を名簿から削除しますか? 「編集」→「元に戻す」で取り消すことができます。</translation>
    </message>
    <message>
        <source>{codes} and {count} more</source>
        <translation>{codes} ほか {count} 件</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: they are the visitor or host of these visits: {codes}. Delete the visits or choose someone else on them first.</source>
        <translation>{name} は次の訪問の訪問者またはホストのため削除できません：{codes}。先にこれらの訪問を削除するか、別の人を指定してください。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>名簿</translation>
    </message>
</context>
<context>
    <name>PersonCategory</name>
    <message>
        <source>Researcher</source>
        <translation>研究者</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>(no name)</source>
        <translation>(名前なし)</translation>
    </message>
    <message>
        <source>Hidden: use “Reveal sensitive fields” to see or change it</source>
        <translation>非表示: 表示または変更するには「機微情報を表示」を使用してください</translation>
    </message>
    <message>
        <source>New person</source>
        <extracomment>Each institution&apos;s country: the region of phone numbers without a country code. The phone as shown (for the coordinator&apos;s country) and as stored: an untouched field keeps the stored value exactly.</extracomment>
        <translation>新規人物</translation>
    </message>
    <message>
        <source>Edit person — {name}</source>
        <translation>人物の編集 — {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>姓(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>名(&amp;G)</translation>
    </message>
    <message>
        <source>Family name (&amp;native)</source>
        <translation>姓(漢字)(&amp;N)</translation>
    </message>
    <message>
        <source>Given name (nat&amp;ive)</source>
        <translation>名(漢字)(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Preferred name</source>
        <translation>通称(&amp;P)</translation>
    </message>
    <message>
        <source>Affiliation and contact</source>
        <translation>所属と連絡先</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>区分(&amp;C)</translation>
    </message>
    <message>
        <source>Choose an institution</source>
        <translation>機関を選択</translation>
    </message>
    <message>
        <source>&amp;Home institution</source>
        <translation>所属機関(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>メール(&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>電話(&amp;H)</translation>
    </message>
    <message>
        <source>Nationalit&amp;y</source>
        <translation>国籍(&amp;Y)</translation>
    </message>
    <message>
        <source>Sensitive (passport and birth date)</source>
        <translation>機微情報(パスポートと生年月日)</translation>
    </message>
    <message>
        <source>&amp;Reveal sensitive fields</source>
        <translation>機微情報を表示(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>生年月日(&amp;D)</translation>
    </message>
    <message>
        <source>Pass&amp;port number</source>
        <translation>旅券番号(&amp;P)</translation>
    </message>
    <message>
        <source>Passport e&amp;xpiry</source>
        <translation>パスポートの有効期限(&amp;X)</translation>
    </message>
    <message>
        <source>Not shown: your login&apos;s role does not include passports and dates of birth</source>
        <translation>表示されません：このログインのロールには旅券情報と生年月日が含まれていません</translation>
    </message>
    <message>
        <source>Internal notes (never exported)</source>
        <translation>内部メモ(書き出されません)</translation>
    </message>
    <message>
        <source>Only coordinators see these notes.</source>
        <translation>このメモはコーディネーターのみが閲覧できます。</translation>
    </message>
    <message>
        <source>&amp;Hide sensitive fields</source>
        <translation>機微情報を非表示(&amp;H)</translation>
    </message>
    <message>
        <source>Cannot reveal sensitive fields</source>
        <translation>機微情報を表示できません</translation>
    </message>
    <message>
        <source>Choose a home institution</source>
        <translation>所属機関を選択してください</translation>
    </message>
    <message>
        <source>Add person {name}</source>
        <translation>人物 {name} の追加</translation>
    </message>
    <message>
        <source>Edit person {name}</source>
        <translation>人物 {name} の編集</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>行の確認</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>Create unknown institutions (from the Country and Time zone columns)</source>
        <translation>不明な機関を作成(Country 列と Time zone 列の値を使用)</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>{name} を確認しています…</translation>
    </message>
    <message>
        <source>{added} {kind} to add, {present} already present.</source>
        <translation>{kind}: 追加 {added} 件、既存 {present} 件。</translation>
    </message>
    <message>
        <source>Institutions to create: {names}.</source>
        <translation>作成する機関: {names}。</translation>
    </message>
    <message>
        <source>Computed by formulas (the values stored in the file are used): {columns}.</source>
        <translation>数式で計算された列(ファイルに保存された値を使います): {columns}。</translation>
    </message>
    <message>
        <source>%n problem: nothing can be imported until it is fixed in the file.</source>
        <translation>%n 件の問題があります。ファイルで修正するまで何も取り込めません。</translation>
    </message>
    <message>
        <source>%n problems: nothing can be imported until they are fixed in the file.</source>
        <translation>%n 件の問題があります。ファイルで修正するまで何も取り込めません。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print</source>
        <extracomment>Lays a document out on *printer* at *dpi*. The printer of each open preview: Qt keeps only a pointer to it.</extracomment>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>{title} の印刷</translation>
    </message>
    <message>
        <source>Print Preview — {title}</source>
        <translation>印刷プレビュー — {title}</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <source>Name in &amp;Japanese</source>
        <translation>名前(日本語)(&amp;J)</translation>
    </message>
    <message>
        <source>(no programme)</source>
        <translation>(プログラムなし)</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>プログラム(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>説明(&amp;D)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新規プロジェクト</translation>
    </message>
    <message>
        <source>Edit project — {name}</source>
        <translation>プロジェクトの編集 — {name}</translation>
    </message>
    <message>
        <source>Name is required</source>
        <translation>名前は必須です</translation>
    </message>
    <message>
        <source>Add project {name}</source>
        <translation>プロジェクト {name} の追加</translation>
    </message>
    <message>
        <source>Edit project {name}</source>
        <translation>プロジェクト {name} の編集</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Error</source>
        <extracomment>What a masked field shows instead of its value.</extracomment>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未記録</translation>
    </message>
    <message>
        <source>Type a country or code</source>
        <translation>国名またはコードを入力</translation>
    </message>
    <message>
        <source>e.g. Asia/Tokyo</source>
        <translation>例: Asia/Tokyo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>カレンダーから選ぶ (Alt+Down)</translation>
    </message>
    <message>
        <source>Not a date yet: type e.g. 2027-03-10, 2027/3/10, 10 Mar 2027 or 2027年3月10日</source>
        <translation>日付として読めません。2027-03-10、2027/3/10、10 Mar 2027、2027年3月10日 のように入力してください</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>日付をクリア</translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation>元に戻す/やり直しができません</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <extracomment>The size the editor first opens at, before the coordinator chooses another.</extracomment>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <extracomment>A viewer&apos;s login: the record is shown, never saved.</extracomment>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>This record was deleted elsewhere: it can no longer be saved.</source>
        <translation>このレコードは他の場所で削除されました。保存できません。</translation>
    </message>
    <message>
        <source>Save the changes before closing?</source>
        <translation>閉じる前に変更を保存しますか?</translation>
    </message>
    <message>
        <source>checked</source>
        <extracomment>Longer values (notes) are cut in the note: it says what changed, not the whole text. Signals after which an editor checks whether it has unsaved changes (for ``*``).</extracomment>
        <translation>オン</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>他の場所で変更済み</translation>
    </message>
    <message>
        <source>Changed elsewhere to “{value}”. Saving keeps your entry.</source>
        <translation>他の場所で「{value}」に変更されました。保存するとこちらの内容が残ります。</translation>
    </message>
    <message>
        <source>Changed elsewhere. Saving keeps your entry.</source>
        <translation>他の場所で変更されました。保存するとこちらの内容が残ります。</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>%n paperwork item overdue</source>
        <extracomment>How long the tray icon stays after showing the message.</extracomment>
        <translation>期限超過の書類 %n 件</translation>
    </message>
    <message>
        <source>%n paperwork items overdue</source>
        <translation>期限超過の書類 %n 件</translation>
    </message>
    <message>
        <source>{code} {name}: {title} (late by %n day)</source>
        <translation>{code} {name}: {title}(%n 日遅れ)</translation>
    </message>
    <message>
        <source>{code} {name}: {title} (late by %n days)</source>
        <translation>{code} {name}: {title}(%n 日遅れ)</translation>
    </message>
    <message>
        <source>… and %n more</source>
        <translation>… ほか %n 件</translation>
    </message>
    <message>
        <source>Exchange Visit Planner: paperwork reminders</source>
        <translation>交流訪問プランナー: 書類のリマインダー</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Direction</source>
        <extracomment>Changes after which the report is read again.</extracomment>
        <translation>方向</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Fiscal year system</source>
        <translation>年度の区分</translation>
    </message>
    <message>
        <source>US fiscal year (Oct–Sep)</source>
        <translation>米国会計年度(10月～9月)</translation>
    </message>
    <message>
        <source>Japanese fiscal year (Apr–Mar)</source>
        <translation>日本の年度(4月～3月)</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>FY</source>
        <translation>FY</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Fiscal year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <source>Counted: approved, confirmed, in-progress and completed visits (not drafts, proposals or cancelled). Person-days: calendar days of each stay inside the fiscal year, arrival and departure included.</source>
        <extracomment>An export finished; carries the written file.</extracomment>
        <translation>集計対象: 承認済み、確定、実施中、完了の訪問(下書き、申請中、中止は除きます)。人日: 各滞在のうち年度内の暦日数(到着日と出発日を含みます)。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Print Preview…</source>
        <translation>印刷プレビュー…</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>訪問数</translation>
    </message>
    <message>
        <source>Person-days</source>
        <translation>人日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Japanese title</source>
        <translation>タイトル(日本語)</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>機関</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>&lt;b&gt;{system} FY{year}&lt;/b&gt;: {start} – {end}</source>
        <translation>&lt;b&gt;{system} {year}年度&lt;/b&gt;: {start} – {end}</translation>
    </message>
    <message>
        <source>{v} visits · {d} person-days · {e} events held · {p} event participants</source>
        <translation>訪問 {v} 件 · {d} 人日 · イベント開催 {e} 件 · イベント参加者 {p} 人</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 with BOM (*.csv)</source>
        <translation>CSV、BOM 付き UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>報告書の書き出し</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>訪問数</translation>
    </message>
    <message>
        <source>person-days</source>
        <translation>人日</translation>
    </message>
    <message>
        <source>No visits in this fiscal year.</source>
        <translation>この年度の訪問はありません。</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Japanese title</source>
        <translation>名称(日本語)</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Lead days</source>
        <translation>所要日数</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>Visitor brings</source>
        <translation>訪問者が持参</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解説</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>&amp;Reload rules file</source>
        <translation>ルールファイルを再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>Document types</source>
        <translation>書類の種類</translation>
    </message>
    <message>
        <source>Rules file: %1 — passports must be valid %2 months beyond departure; “due soon” means within %3 days.</source>
        <translation>ルールファイル: %1 — パスポートは出発後 %2 か月以上有効である必要があります。「期限間近」は %3 日以内を指します。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>何も取り込まれませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>ServiceCommand</name>
    <message>
        <source>Cannot undo “{0}”: {1}</source>
        <extracomment>Called with a failed undo/redo&apos;s message; the window shows it in a message box.</extracomment>
        <translation>「{0}」を元に戻せません: {1}</translation>
    </message>
    <message>
        <source>Cannot redo “{0}”: {1}</source>
        <translation>「{0}」をやり直せません: {1}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>The reminder rows: each sets the minutes of these kinds (the first kind&apos;s value is shown).</extracomment>
        <translation>設定</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(未設定)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>&amp;Home institution:</source>
        <translation>所属機関(&amp;H):</translation>
    </message>
    <message>
        <source>Visits to it count as incoming, visits by its people as outgoing.</source>
        <translation>この機関への訪問は受入、この機関の人物による訪問は派遣として集計されます。</translation>
    </message>
    <message>
        <source>&amp;Date format:</source>
        <translation>日付の形式(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>The language changes the next time the planner starts (planner --lang en|ja overrides it once).</source>
        <translation>言語の変更は、次回プランナーを起動したときに反映されます(planner --lang en|ja で 1 回だけ上書きできます)。</translation>
    </message>
    <message>
        <source>Package key fingerprint:</source>
        <translation>パッケージ鍵のフィンガープリント:</translation>
    </message>
    <message>
        <source>Partners see this fingerprint on the first package you send them: read it aloud to them on the phone so they can check it is yours.</source>
        <translation>相手機関は、最初に送るパッケージでこのフィンガープリントを目にします。本当にあなたの鍵か確認できるよう、電話で読み上げて伝えてください。</translation>
    </message>
    <message>
        <source>Reminder before a &amp;flight:</source>
        <translation>航空便の前のリマインダー(&amp;F):</translation>
    </message>
    <message>
        <source>Reminder before a &amp;train:</source>
        <translation>列車の前のリマインダー(&amp;T):</translation>
    </message>
    <message>
        <source>Reminder before a &amp;meeting or badge pickup:</source>
        <translation>打合せ・入構証受取の前のリマインダー(&amp;M):</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Exported calendars (.ics) remind the visitor this long before each item; saved in this database.</source>
        <translation>書き出したカレンダー（.ics）は、各予定のこの時間前に訪問者に通知します。この設定はこのデータベースに保存されます。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Views</source>
        <extracomment>Builds a lazy page&apos;s view inside *container* (its parent) and returns it. The widget must implement :class:`~planner.ui.common.view.View`.</extracomment>
        <translation>ビュー</translation>
    </message>
</context>
<context>
    <name>SlotFinder</name>
    <message>
        <source>{time} until {date}</source>
        <translation>{date} まで {time}</translation>
    </message>
    <message>
        <source>{time} from {date}</source>
        <translation>{date} から {time}</translation>
    </message>
    <message>
        <source>Find a slot at every site</source>
        <extracomment>zone of the first site, first date, minutes after midnight there.</extracomment>
        <translation>全拠点で使える時間帯を探す</translation>
    </message>
    <message>
        <source>Tick at least two participating sites in the editor first.</source>
        <translation>先に編集画面で参加拠点を 2 つ以上チェックしてください。</translation>
    </message>
    <message>
        <source>Sites:</source>
        <translation>拠点:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>長さ(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>開始日(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>終了日(&amp;T):</translation>
    </message>
    <message>
        <source>Weekdays (first site):</source>
        <translation>曜日(最初の拠点):</translation>
    </message>
    <message>
        <source>Hours at {site}:</source>
        <translation>{site} の勤務時間:</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>検索(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Use this start</source>
        <translation>この開始時刻を使う(&amp;U)</translation>
    </message>
    <message>
        <source>These starts fit every date.</source>
        <translation>これらの開始時刻はすべての日に使えます。</translation>
    </message>
    <message>
        <source>No start fits every date. Parts of the best split: {count}; dates no start fits: {impossible}.</source>
        <translation>すべての日に使える開始時刻はありません。最適な分割の区間数: {count}、どの開始時刻も使えない日数: {impossible}。</translation>
    </message>
    <message>
        <source>No start fits any date of the range.</source>
        <translation>期間内のどの日にも使える開始時刻はありません。</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 with BOM (*.csv)</source>
        <translation>CSV、BOM 付き UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>表の書き出し</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline of visits</source>
        <extracomment>``loader(first, last)`` → the visits overlapping ``[first, last]``. Extra days beyond the data shown at each end of the scroll range.</extracomment>
        <translation>訪問のタイムライン</translation>
    </message>
    <message>
        <source>No visits between %1 and %2</source>
        <translation>%1 から %2 までの訪問はありません</translation>
    </message>
    <message>
        <source>Week %1 · %2</source>
        <translation>第 %1 週 · %2</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>%1週</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>訪問者</translation>
    </message>
    <message>
        <source>Host institution</source>
        <translation>受入機関</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Month</source>
        <extracomment>Changes after which the timeline reloads.</extracomment>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>四半期</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>表示単位</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>訪問者</translation>
    </message>
    <message>
        <source>Host institutions</source>
        <translation>受入機関</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行の単位</translation>
    </message>
    <message>
        <source>Earlier (Page Up)</source>
        <translation>前へ (Page Up)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Go to today (Home)</source>
        <translation>今日へ移動 (Home)</translation>
    </message>
    <message>
        <source>Later (Page Down)</source>
        <translation>次へ (Page Down)</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>表示単位(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>行の単位(&amp;R):</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <source>│ red line: today</source>
        <translation>│ 赤線: 今日</translation>
    </message>
</context>
<context>
    <name>TransferEditor</name>
    <message>
        <source>(choose an agreement)</source>
        <extracomment>What the combos hold for &quot;nothing chosen&quot; in a required field (never a real id).</extracomment>
        <translation>(協定を選択)</translation>
    </message>
    <message>
        <source>&amp;Agreement</source>
        <translation>協定(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <source>e.g. Evaluation corpus, v2</source>
        <translation>例: 評価用コーパス v2</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>タイトル(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>説明(&amp;D)</translation>
    </message>
    <message>
        <source>(choose an institution)</source>
        <translation>(機関を選択)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>移転元(&amp;F)</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>移転先(&amp;O)</translation>
    </message>
    <message>
        <source>(no visit)</source>
        <translation>(訪問なし)</translation>
    </message>
    <message>
        <source>The visit the transfer belongs to, if any</source>
        <translation>この移転が関連する訪問(ある場合)</translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation>訪問(&amp;V)</translation>
    </message>
    <message>
        <source>e.g. EAR99, 3E001, not controlled</source>
        <translation>例: EAR99、3E001、非該当</translation>
    </message>
    <message>
        <source>E&amp;xport control</source>
        <translation>輸出管理(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状態(&amp;S)</translation>
    </message>
    <message>
        <source>When it moved (or is planned to)</source>
        <translation>移転した日(または予定日)</translation>
    </message>
    <message>
        <source>Dat&amp;e</source>
        <translation>日付(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <source>New transfer</source>
        <translation>新規移転</translation>
    </message>
    <message>
        <source>Edit transfer — {title}</source>
        <translation>移転の編集 — {title}</translation>
    </message>
    <message>
        <source>Choose the agreement it moves under</source>
        <translation>移転の根拠となる協定を選択してください</translation>
    </message>
    <message>
        <source>Title is required</source>
        <translation>タイトルは必須です</translation>
    </message>
    <message>
        <source>Choose the institution it comes from</source>
        <translation>移転元の機関を選択してください</translation>
    </message>
    <message>
        <source>Choose the institution it goes to</source>
        <translation>移転先の機関を選択してください</translation>
    </message>
    <message>
        <source>Add transfer {title}</source>
        <translation>移転 {title} の追加</translation>
    </message>
    <message>
        <source>Edit transfer {title}</source>
        <translation>移転 {title} の編集</translation>
    </message>
</context>
<context>
    <name>TransferKind</name>
    <message>
        <source>Data set</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>試料</translation>
    </message>
</context>
<context>
    <name>TransferStatus</name>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>審査中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>移転済み</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>unknown time zone {zone} (use an IANA name like Asia/Tokyo)</source>
        <translation>不明なタイムゾーン {zone} です(Asia/Tokyo のような IANA 名を使用してください)</translation>
    </message>
    <message>
        <source>{code} is not an ISO 3166 country code (e.g. US, JP)</source>
        <translation>{code} は ISO 3166 の国コードではありません(例: US、JP)</translation>
    </message>
    <message>
        <source>Name is required</source>
        <translation>名前は必須です</translation>
    </message>
    <message>
        <source>A family name is required, in Latin letters or in the native script</source>
        <translation>姓を入力してください（ローマ字か母語の表記のどちらか）</translation>
    </message>
    <message>
        <source>{email} is not a valid e-mail address: {reason}</source>
        <translation>{email} は有効なメールアドレスではありません：{reason}</translation>
    </message>
    <message>
        <source>expiry is before the date of birth</source>
        <translation>有効期限が生年月日より前です</translation>
    </message>
    <message>
        <source>departure {departure} is before arrival {arrival}</source>
        <translation>出発 {departure} が到着 {arrival} より前です</translation>
    </message>
    <message>
        <source>time has no zone</source>
        <translation>時刻にタイムゾーンがありません</translation>
    </message>
    <message>
        <source>ends before it starts</source>
        <translation>終了が開始より前です</translation>
    </message>
    <message>
        <source>Title is required</source>
        <translation>タイトルは必須です</translation>
    </message>
    <message>
        <source>the meeting link must start with https:// or http://</source>
        <translation>会議URLは https:// または http:// で始めてください</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>already present</source>
        <translation>既存</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>問題あり</translation>
    </message>
    <message>
        <source>[value not shown]</source>
        <extracomment>``progress(done, total)`` while rows are checked. Columns whose values no message ever shows (row and column only): a problem report can end up on a shared screen, a terminal log or an e-mail to a colleague. Message parameters that never carry a cell&apos;s value, kept in private columns&apos; messages. What a private column&apos;s message shows where the value would be.</extracomment>
        <translation>[値は非表示]</translation>
    </message>
    <message>
        <source>{value} is not a country; did you mean {suggestions}?</source>
        <translation>{value} は国名ではありません。{suggestions} のことですか？</translation>
    </message>
    <message>
        <source>{value} is not a country (ISO code such as JP, or a country name)</source>
        <translation>{value} は国名ではありません（JP などの ISO コードまたは国名）</translation>
    </message>
    <message>
        <source>a formula with no computed value stored in the file (formulas are not evaluated here): open and save the file in Excel or LibreOffice, or enter the value itself</source>
        <extracomment>Columns whose values were results of formulas stored in the file (XLSX). Columns whose values were results of formulas stored in the file (XLSX). A formula cell whose result the file does not hold.</extracomment>
        <translation>計算結果が保存されていない数式です(ここでは数式を計算しません)。Excel か LibreOffice でファイルを開いて保存し直すか、値そのものを入力してください</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必須です</translation>
    </message>
    <message>
        <source>unknown institution {name}: add it first or {hint}</source>
        <translation>不明な機関 {name} です。先に追加するか、{hint}</translation>
    </message>
    <message>
        <source>unknown institution {name}: add it first or give its country and time zone</source>
        <translation>不明な機関 {name} です。先に追加するか、国とタイムゾーンを指定してください</translation>
    </message>
    <message>
        <source>is not an institution kind</source>
        <translation>機関の種類として無効です</translation>
    </message>
    <message>
        <source>{value} is not a date (write e.g. 2027-04-01, 2027/04/01, 1 Apr 2027 or 2027年4月1日)</source>
        <extracomment>Day zero of Excel&apos;s 1900 date system (serial 60, the phantom 29 February 1900, is skipped by starting one day early: serials from 61 on match Excel). Serial numbers accepted as dates: 1 January 1950 to 31 December 2199. Eras in order; each ends the day before the next begins (Reiwa has not ended). ``令和9年4月1日`` (the 日 optional), ``R9.4.1``, ``H2/5/3``, ``S55-1-1``, ``平成2.5.3``. A weekday at the end: ``(木)``, ``(木曜日)``, ``(Thu)``, `` 木曜日``, ``, Thursday``. Searched at the end only, each try a few characters long: no backtracking over long text. A weekday before the date: ``Thu 1 Apr 2027``, ``Thursday, April 1, 2027``. No date is written in more characters (``Wednesday, September 30, 2027`` has 29).</extracomment>
        <translation>{value} は日付ではありません(例: 2027-04-01、2027/04/01、1 Apr 2027、2027年4月1日)</translation>
    </message>
    <message>
        <source>{value} is not a day of the calendar</source>
        <translation>{value} は暦に存在しない日付です</translation>
    </message>
    <message>
        <source>{serial} is a date-time serial number; give a date</source>
        <translation>{serial} は日時のシリアル値です。日付を指定してください</translation>
    </message>
    <message>
        <source>{serial} is not a date (an Excel serial number must be 18264–109574)</source>
        <translation>{serial} は日付ではありません(Excel のシリアル値は 18264～109574 である必要があります)</translation>
    </message>
    <message>
        <source>{value} does not exist: the {era} era began on {first}</source>
        <translation>{value} は存在しません：{era} は {first} に始まりました</translation>
    </message>
    <message>
        <source>{value} does not exist: the {era} era ended on {last}</source>
        <translation>{value} は存在しません：{era} は {last} に終わりました</translation>
    </message>
    <message>
        <source>a formula; formulas are not evaluated — enter the date itself</source>
        <translation>数式です。数式は評価されません — 日付そのものを入力してください</translation>
    </message>
    <message>
        <source>{value} has a time of day; give a date</source>
        <translation>{value} には時刻が含まれています。日付を指定してください</translation>
    </message>
    <message>
        <source>{value}: {date} is a {actual}, not a {written}</source>
        <translation>{value}：{date} は {actual} で、{written} ではありません</translation>
    </message>
    <message>
        <source>--map: the file has no column titled {title} (it has: {columns})</source>
        <extracomment>Bracketed hints: (YYYY/MM/DD), （漢字）, [required], 【必須】, 「…」, &lt;…&gt;. Date formats written into a header without brackets: &quot;Arrival date YYYY/MM/DD&quot;. The field given to ``--map &quot;Title=-&quot;``: the column is ignored.</extracomment>
        <translation>--map: ファイルに列名 {title} の列がありません(ある列: {columns})</translation>
    </message>
    <message>
        <source>Institution country</source>
        <translation>機関の国</translation>
    </message>
    <message>
        <source>Institution time zone</source>
        <translation>機関のタイムゾーン</translation>
    </message>
    <message>
        <source>Institution kind</source>
        <translation>機関の種類</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Family name (native)</source>
        <translation>姓(漢字)</translation>
    </message>
    <message>
        <source>Given name (native)</source>
        <translation>名(漢字)</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>通称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Home institution</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>旅券番号</translation>
    </message>
    <message>
        <source>Passport expiry</source>
        <translation>パスポートの有効期限</translation>
    </message>
    <message>
        <source>Visitor e-mail</source>
        <translation>訪問者のメール</translation>
    </message>
    <message>
        <source>Host institution</source>
        <translation>受入機関</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到着</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>出発</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>有償</translation>
    </message>
    <message>
        <source>Notes for the visitor</source>
        <translation>訪問者へのメモ</translation>
    </message>
    <message>
        <source>Notes for the visitor (Japanese)</source>
        <translation>訪問者への連絡（日本語）</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>内部メモ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Start time zone</source>
        <translation>開始タイムゾーン</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>End time zone</source>
        <translation>終了タイムゾーン</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>予約番号</translation>
    </message>
    <message>
        <source>Title (Japanese)</source>
        <translation>件名(日本語)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Details (Japanese)</source>
        <translation>詳細（日本語）</translation>
    </message>
    <message>
        <source>Calendar UID</source>
        <translation>カレンダーUID</translation>
    </message>
    <message>
        <source>required column is missing</source>
        <extracomment>The sheet column of each item field, for validation problems.</extracomment>
        <translation>必須の列がありません</translation>
    </message>
    <message>
        <source>column appears twice</source>
        <translation>同じ列が 2 回あります</translation>
    </message>
    <message>
        <source>unknown column (expected: {columns}); did you mean {closest}?</source>
        <translation>不明な列です(使える列: {columns})。{closest} のことですか?</translation>
    </message>
    <message>
        <source>unknown column (expected: {columns})</source>
        <translation>不明な列です(使える列: {columns})</translation>
    </message>
    <message>
        <source>is not a category (researcher/研究者, staff/職員, student/学生)</source>
        <translation>区分として無効です(researcher/研究者、staff/職員、student/学生)</translation>
    </message>
    <message>
        <source>no data rows below the header</source>
        <translation>ヘッダーの下にデータ行がありません</translation>
    </message>
    <message>
        <source>not a readable XLSX file: {error}</source>
        <extracomment>A cell: text from CSV; from XLSX also numbers, real dates and :class:`Formula`. Encodings tried in order for CSV files without a UTF-16 byte-order mark. Bounds of what a spreadsheet may hold (see the module docstring). A cell may be as long as the csv module&apos;s own field limit; the records&apos; field limits (planner.domain.limits) are far shorter, so such a cell is refused by validation, never stored. Problems listed before the reader stops looking for more. Characters of a cell&apos;s value a problem quotes.</extracomment>
        <translation>読み取り可能な XLSX ファイルではありません: {error}</translation>
    </message>
    <message>
        <source>the file has more than {limit} {what}; split it</source>
        <translation>ファイルの {what} が {limit} を超えています。分割してください</translation>
    </message>
    <message>
        <source>the cell holds {length} characters; at most {limit}</source>
        <translation>セルが {length} 文字あります。{limit} 文字までです</translation>
    </message>
    <message>
        <source>not a readable CSV file: {error}</source>
        <translation>読み取れる CSV ファイルではありません: {error}</translation>
    </message>
    <message>
        <source>the workbook unpacks to {size} MB; at most {limit} MB are read</source>
        <translation>ブックを展開すると {size} MB になります。読み込めるのは {limit} MB までです</translation>
    </message>
    <message>
        <source>the file is UTF-32 text, which is not read; save it as &apos;CSV UTF-8&apos; and try again</source>
        <translation>ファイルは UTF-32 のテキストで、読み込めません。&apos;CSV UTF-8&apos; 形式で保存してから、もう一度お試しください</translation>
    </message>
    <message>
        <source>the file starts with a UTF-16 byte-order mark but is not UTF-16 text; save it again as &apos;Unicode Text&apos; or &apos;CSV UTF-8&apos;</source>
        <translation>ファイルは UTF-16 のバイトオーダーマークで始まりますが、UTF-16 のテキストではありません。&apos;Unicode テキスト&apos; か &apos;CSV UTF-8&apos; 形式で保存し直してください</translation>
    </message>
    <message>
        <source>the file is a workbook (XLSX/zip), not CSV text; give it the .xlsx extension</source>
        <translation>ファイルは CSV テキストではなくブック(XLSX/zip)です。拡張子を .xlsx にしてください</translation>
    </message>
    <message>
        <source>the file holds NUL bytes: it is UTF-16 without a byte-order mark, or not text; save it as &apos;CSV UTF-8&apos; or &apos;Unicode Text&apos; and try again</source>
        <translation>ファイルに NUL バイトがあります。バイトオーダーマークのない UTF-16 か、テキストではないファイルです。&apos;CSV UTF-8&apos; か &apos;Unicode テキスト&apos; 形式で保存してから、もう一度お試しください</translation>
    </message>
    <message>
        <source>the file is neither UTF-8, UTF-16 nor Shift_JIS (CP932) text; save it as &apos;CSV UTF-8&apos; and try again</source>
        <translation>ファイルが UTF-8・UTF-16・Shift_JIS (CP932) のいずれのテキストでもありません。&apos;CSV UTF-8&apos; 形式で保存してから、もう一度お試しください</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <source>the sheet is empty</source>
        <translation>シートが空です</translation>
    </message>
    <message>
        <source>the workbook has no sheet</source>
        <translation>ブックにシートがありません</translation>
    </message>
    <message>
        <source>{file}: use a .csv or .xlsx file</source>
        <translation>{file}: .csv または .xlsx ファイルを使用してください</translation>
    </message>
    <message>
        <source>no person has the e-mail {email}: import or add them first</source>
        <translation>メール {email} の人物がいません。先に取り込むか追加してください</translation>
    </message>
    <message>
        <source>is before the arrival {arrival}</source>
        <translation>到着 {arrival} より前です</translation>
    </message>
    <message>
        <source>is not a purpose ({choices}; 研究, セミナー, 講演, ...)</source>
        <translation>目的として無効です({choices}; 研究, セミナー, 講演, ...)</translation>
    </message>
    <message>
        <source>write yes or no</source>
        <translation>yes または no で入力してください</translation>
    </message>
    <message>
        <source>ends {end} before it starts {start}</source>
        <translation>終了 {end} が開始 {start} より前です</translation>
    </message>
    <message>
        <source>a transfer goes between two institutions</source>
        <translation>移転は 2 つの機関の間で行う必要があります</translation>
    </message>
    <message>
        <source>{database} is a shared server database; it is backed up on the server (for example with pg_dump), not by this application</source>
        <extracomment>The change announced after a restore: every view must reload everything.</extracomment>
        <translation>{database} は共有サーバーのデータベースです。バックアップはこのアプリケーションではなく、サーバー側で(例: pg_dump で)行われます</translation>
    </message>
    <message>
        <source>there is no backup at {path}</source>
        <translation>{path} にバックアップがありません</translation>
    </message>
    <message>
        <source>there is no {what} with id {id}</source>
        <extracomment>Minutes before an item&apos;s start at which the exported calendar reminds the visitor; a kind missing here (lodging, meals, free time) gets no reminder. A flight needs time to reach the airport and check in; a meeting or badge pickup only the walk there. A reminder further ahead than a week is a typo, not a plan.</extracomment>
        <translation>ID {id} の{what}はありません</translation>
    </message>
    <message>
        <source>a reminder must be 0 to {max} minutes ahead ({kind})</source>
        <translation>リマインダーは0～{max}分前で指定してください（{kind}）</translation>
    </message>
    <message>
        <source>the package cannot be imported: {error}</source>
        <extracomment>How far a package may move a visit along its life cycle (cancelled is not on it). Differing dates of birth or passport fields, both values shown (never audited). Itinerary items the import creates, updates and removes.</extracomment>
        <translation>パッケージを取り込めません: {error}</translation>
    </message>
    <message>
        <source>the package carries dates of birth or passport fields without encryption: ask the partner to encrypt to your key (&apos;planner keys export&apos;)</source>
        <translation>パッケージは生年月日または旅券情報を暗号化せずに含んでいます。相手機関に、あなたの鍵あてに暗号化するよう依頼してください(&apos;planner keys export&apos;)</translation>
    </message>
    <message>
        <source>the package is not signed by a partner&apos;s key ({problem}): refused; --accept-unsigned imports it anyway, and the audit records that</source>
        <translation>パッケージに相手機関の鍵による署名がありません({problem})。拒否しました。--accept-unsigned を付けると取り込めますが、そのことは監査ログに記録されます</translation>
    </message>
    <message>
        <source>first package from {institution}, signed by the key {fingerprint}: compare this fingerprint with your contact there (by phone), then import again with --trust-new-key</source>
        <translation>{institution} からの最初のパッケージで、鍵 {fingerprint} で署名されています。このフィンガープリントを先方の担当者と(電話で)照合してから、--trust-new-key を付けてもう一度取り込んでください</translation>
    </message>
    <message>
        <source>trusted key of {institution}: {fingerprint}</source>
        <translation>{institution} の信頼する鍵: {fingerprint}</translation>
    </message>
    <message>
        <source>institution {name}</source>
        <translation>機関 {name}</translation>
    </message>
    <message>
        <source>e-mail and names</source>
        <translation>メールアドレスと氏名</translation>
    </message>
    <message>
        <source>e-mail only</source>
        <translation>メールアドレスのみ</translation>
    </message>
    <message>
        <source>names and date of birth</source>
        <translation>氏名と生年月日</translation>
    </message>
    <message>
        <source>names and home institution</source>
        <translation>氏名と所属機関</translation>
    </message>
    <message>
        <source>{person}: dates of birth and passport fields not applied (the coordinator did not ask for them: --include-sensitive)</source>
        <translation>{person}: 生年月日と旅券情報は反映していません(コーディネーターが指定していません: --include-sensitive)</translation>
    </message>
    <message>
        <source>person {name} ({role})</source>
        <translation>人物 {name}({role})</translation>
    </message>
    <message>
        <source>{role} {incoming} matches {local} here by e-mail only: check it is the same person, then import again with --accept-matches</source>
        <translation>{role} {incoming} はメールアドレスだけでこちらの {local} と一致しました。同一人物であることを確認してから、--accept-matches を付けてもう一度取り込んでください</translation>
    </message>
    <message>
        <source>{record}: {field} is {local} here, {incoming} in the package: the local value is kept</source>
        <translation>{record}: {field} はこちらでは {local}、パッケージでは {incoming} です。こちらの値を残します</translation>
    </message>
    <message>
        <source>project {project} is not known here: left empty</source>
        <translation>プロジェクト {project} はこちらにありません。空欄のままにします</translation>
    </message>
    <message>
        <source>visit {code} was received from another sender; this package cannot change it</source>
        <translation>訪問 {code} は別の送信元から受け取ったものです。このパッケージでは変更できません</translation>
    </message>
    <message>
        <source>code {partner} is taken here: the visit is {code}</source>
        <translation>コード {partner} はこちらで使用済みです。訪問は {code} になります</translation>
    </message>
    <message>
        <source>visit {code}</source>
        <translation>訪問 {code}</translation>
    </message>
    <message>
        <source>{record}: the package names another {field}; the local one is kept</source>
        <translation>{record}: パッケージは別の {field} を指定しています。こちらの値を残します</translation>
    </message>
    <message>
        <source>status {incoming} not taken: the visit is {local} here, and a package never reopens it</source>
        <translation>ステータス {incoming} は取り込みません。この訪問はこちらでは {local} で、パッケージで再開されることはありません</translation>
    </message>
    <message>
        <source>the partner reports the visit cancelled: cancel it here if you agree</source>
        <translation>相手機関は訪問の中止を伝えています。同意する場合はこちらで中止してください</translation>
    </message>
    <message>
        <source>status {incoming} not taken: the visit is already {local} here</source>
        <translation>ステータス {incoming} は取り込みません。この訪問はこちらではすでに {local} です</translation>
    </message>
    <message>
        <source>status {incoming} not taken: blocking paperwork is not approved or waived here ({blockers}); the visit is {status}</source>
        <translation>ステータス {incoming} は取り込みません。必須書類がこちらで承認も免除もされていません({blockers})。訪問は {status} になります</translation>
    </message>
    <message>
        <source>itinerary item {title}: created here, so the package&apos;s changes to it are not taken</source>
        <translation>日程項目 {title}: こちらで作成したものなので、パッケージによる変更は取り込みません</translation>
    </message>
    <message>
        <source>itinerary item {uid}: {error}</source>
        <translation>旅程項目 {uid}: {error}</translation>
    </message>
    <message>
        <source>itinerary item {uid} already belongs to another visit here</source>
        <translation>旅程項目 {uid} は既にここで別の訪問に属しています</translation>
    </message>
    <message>
        <source>itinerary item {title}</source>
        <translation>日程項目 {title}</translation>
    </message>
    <message>
        <source>paperwork {code} is not required here: the partner&apos;s state of it is not recorded</source>
        <translation>書類 {code} はこちらでは不要です。相手機関での状態は記録しません</translation>
    </message>
    <message>
        <source>the new order must list every item of the visit exactly once</source>
        <extracomment>Fields an import may set; the rest (internal notes, event, order, UID) stay as stored.</extracomment>
        <translation>新しい順序には、訪問のすべての項目をちょうど 1 回ずつ含める必要があります</translation>
    </message>
    <message>
        <source>visit {code} refers to a missing visitor or host</source>
        <extracomment>Visits whose paperwork no longer matters for reminders. Fields a coordinator edits on an item; the rest follows the rules. Visit fields the rules look at: changing one regenerates the checklist. Person fields the rules look at (see :meth:`PaperworkService.facts`). Institution fields the rules look at, as a visit&apos;s host or its visitor&apos;s home.</extracomment>
        <translation>訪問 {code} が存在しない訪問者または受入側を参照しています</translation>
    </message>
    <message>
        <source>there is no paperwork item with id {id}</source>
        <translation>ID {id} の書類項目はありません</translation>
    </message>
    <message>
        <source>the visit is {status} but blocking items are open: {items}</source>
        <translation>訪問は{status}の状態ですが、未完了の必須項目があります: {items}</translation>
    </message>
    <message>
        <source>the number of days cannot be negative</source>
        <translation>日数に負の値は指定できません</translation>
    </message>
    <message>
        <source>approval is dated before the submission</source>
        <translation>承認日が提出日より前になっています</translation>
    </message>
    <message>
        <source>{path} is sealed and no database key was found</source>
        <translation>{path} は暗号化（封印）されていますが、データベースの鍵が見つかりません</translation>
    </message>
    <message>
        <source>{path} was changed since it was attached (its SHA-256 differs)</source>
        <translation>{path} は添付後に変更されています（SHA-256 が一致しません）</translation>
    </message>
    <message>
        <source>{path} is not a readable file</source>
        <translation>{path} は読み取り可能なファイルではありません</translation>
    </message>
    <message>
        <source>there is no attachment with id {id}</source>
        <translation>ID {id} の添付ファイルはありません</translation>
    </message>
    <message>
        <source>too many attachments named {name}</source>
        <translation>{name} という名前の添付ファイルが多すぎます</translation>
    </message>
    <message>
        <source>agreement</source>
        <extracomment>Record and column names that messages take as ``{what}`` / ``{field}`` parameters. The interface translates a message&apos;s text parameters in the &quot;Validation&quot; context as well.</extracomment>
        <translation>協定</translation>
    </message>
    <message>
        <source>material_transfer</source>
        <translation>移転</translation>
    </message>
    <message>
        <source>institution</source>
        <translation>機関</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>program</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <source>programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <source>project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>訪問</translation>
    </message>
    <message>
        <source>event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>itinerary_item</source>
        <translation>旅程項目</translation>
    </message>
    <message>
        <source>paperwork_item</source>
        <translation>書類項目</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>record</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>uid</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>this {what} (id {id}) was changed by someone else since you opened it: reload it and make your change again</source>
        <translation>この{what}(ID {id})は、開いた後に他の人が変更しました。再読み込みしてから、もう一度変更してください</translation>
    </message>
    <message>
        <source>another {what} already has this {field}</source>
        <translation>この{field}は既に別の{what}で使用されています</translation>
    </message>
    <message>
        <source>this {what} cannot be deleted: other records still refer to it</source>
        <translation>この{what}は他のレコードから参照されているため、削除できません</translation>
    </message>
    <message>
        <source>this {what} refers to a record that does not exist</source>
        <translation>この{what}は存在しないレコードを参照しています</translation>
    </message>
    <message>
        <source>cannot create the lock file {path} (is the folder writable?); the database was not opened</source>
        <translation>ロックファイル {path} を作成できません(フォルダーに書き込み権限がありますか?)。データベースは開かれませんでした</translation>
    </message>
    <message>
        <source>{db} is already open in another Exchange Visit Planner{program} on host {host}, process id {pid}; close that window first</source>
        <translation>{db} は既にコンピューター {host} 上の別の交流訪問プランナー{program}(プロセス ID {pid})で開かれています。先にそのウィンドウを閉じてください</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>{db} is already open in another Exchange Visit Planner; close it first</source>
        <translation>{db} は既に別の交流訪問プランナーで開かれています。先にそちらを閉じてください</translation>
    </message>
    <message>
        <source>unknown time zone {zone} (e.g. Asia/Tokyo)</source>
        <translation>不明なタイムゾーン {zone} です(例: Asia/Tokyo)</translation>
    </message>
    <message>
        <source>no report to export</source>
        <translation>書き出す報告書がありません</translation>
    </message>
    <message>
        <source>the disk is full or the database reached its size limit ({where}); the change was not saved and nothing was half-written: free some space and retry</source>
        <extracomment>The team server&apos;s roles do not allow it (a viewer saving, an assistant&apos;s passport). Below this much free space, an I/O error is taken for a full disk (SQLite reports a -shm file it could not grow, or a write cut short, as an I/O error, not as &quot;full&quot;).</extracomment>
        <translation>ディスクがいっぱいか、データベースがサイズの上限に達しました({where})。変更は保存されておらず、中途半端に書き込まれたデータもありません。空き容量を確保してから、もう一度お試しください</translation>
    </message>
    <message>
        <source>the database cannot be written ({where}); the change was not saved</source>
        <translation>データベースに書き込めません({where})。変更は保存されませんでした</translation>
    </message>
    <message>
        <source>the database is busy in another program ({where}); the change was not saved, try again in a moment</source>
        <translation>データベースが別のプログラムで使用中です({where})。変更は保存されませんでした。しばらくしてからもう一度お試しください</translation>
    </message>
    <message>
        <source>your login on {where} is not allowed to make this change (your role does not include it; ask an administrator); the change was not saved</source>
        <translation>{where} のこのログインにはこの変更が許可されていません（ロールに含まれていません。管理者にお問い合わせください）。変更は保存されませんでした</translation>
    </message>
    <message>
        <source>the database is busy in another program ({where}); try again in a moment</source>
        <translation>データベースが別のプログラムで使用中です({where})。しばらくしてからもう一度お試しください</translation>
    </message>
    <message>
        <source>the disk is full or the database reached its size limit ({where}); nothing was saved: free some space and retry</source>
        <translation>ディスクがいっぱいか、データベースがサイズの上限に達しました({where})。何も保存されていません。空き容量を確保してから、もう一度お試しください</translation>
    </message>
    <message>
        <source>the database cannot be written ({where}); nothing was saved: make the file and its folder writable</source>
        <translation>データベースに書き込めません({where})。何も保存されていません。ファイルとフォルダーを書き込み可能にしてください</translation>
    </message>
    <message>
        <source>the disk could not read or write the database ({where}); nothing was saved: check the disk and retry</source>
        <translation>ディスクがデータベースを読み書きできませんでした({where})。何も保存されていません。ディスクを確認してから、もう一度お試しください</translation>
    </message>
    <message>
        <source>the database is damaged ({where}); run &apos;planner check&apos; to find the newest good backup and restore it</source>
        <translation>データベースが破損しています({where})。&apos;planner check&apos; で最新の正常なバックアップを探し、復元してください</translation>
    </message>
    <message>
        <source>the file is not a database or is damaged beyond opening ({where}); check that it is the right file</source>
        <translation>このファイルはデータベースではないか、開けないほど破損しています({where})。正しいファイルか確認してください</translation>
    </message>
    <message>
        <source>the database cannot be opened ({where}); check that the file and its folder exist and can be read, or that the server is reachable</source>
        <translation>データベースを開けません({where})。ファイルとフォルダーが存在して読み取れるか、またはサーバーに接続できるか確認してください</translation>
    </message>
    <message>
        <source>your login on {where} is not allowed to do this (your role does not include it; ask an administrator); nothing was changed</source>
        <translation>{where} のこのログインにはこの操作が許可されていません（ロールに含まれていません。管理者にお問い合わせください）。何も変更されていません</translation>
    </message>
    <message>
        <source>the open database</source>
        <extracomment>The place named when the caller does not know which database failed (the window).</extracomment>
        <translation>開いているデータベース</translation>
    </message>
    <message>
        <source>no good backup was found beside it</source>
        <translation>同じ場所に正常なバックアップが見つかりませんでした</translation>
    </message>
    <message>
        <source>the newest good backup is {backup} from {label} (restore it with &apos;planner restore {backup}&apos;; changes made after that time are lost)</source>
        <translation>最新の正常なバックアップは {label} の {backup} です(&apos;planner restore {backup}&apos; で復元できます。それ以降の変更は失われます)</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}); {advice}</source>
        <translation>{path} が破損しています({problem})。{advice}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} はフォルダーで、データベースファイルではありません</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path} を読み取れません: {reason}</translation>
    </message>
    <message>
        <source>it does not start like a database: not an Exchange Visit Planner database, or overwritten</source>
        <translation>データベースの先頭形式ではありません。Exchange Visit Planner のデータベースではないか、上書きされています</translation>
    </message>
    <message>
        <source>the folder {folder} is read-only, so {name} cannot be opened there; copy the database to a folder you can write to, or use --db</source>
        <translation>フォルダー {folder} は読み取り専用のため、そこで {name} を開けません。書き込み可能なフォルダーにデータベースをコピーするか、--db を使用してください</translation>
    </message>
    <message>
        <source>{path} is read-only; make it writable or copy it elsewhere</source>
        <translation>{path} は読み取り専用です。書き込み可能にするか、別の場所にコピーしてください</translation>
    </message>
    <message>
        <source>{path} cannot be read as a database: {reason}</source>
        <translation>{path} をデータベースとして読み取れません: {reason}</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <extracomment>A database being created is built under this suffix (plus the process id), then published.</extracomment>
        <translation>フォルダー {folder} は存在しません</translation>
    </message>
    <message>
        <source>cannot create {path}: {reason}</source>
        <translation>{path} を作成できません: {reason}</translation>
    </message>
    <message>
        <source>could not upgrade {where} to the current schema ({detail}); the database was left unchanged</source>
        <translation>{where} を現在のスキーマに更新できませんでした({detail})。データベースは変更されていません</translation>
    </message>
    <message>
        <source>could not upgrade {where} to the current schema ({detail}); the database was left unchanged; a backup from before the attempt is {backup}</source>
        <translation>{where} を現在のスキーマに更新できませんでした({detail})。データベースは変更されていません。更新前のバックアップは {backup} です</translation>
    </message>
    <message>
        <source>{where} holds no Exchange Visit Planner data (an empty database); nothing was changed</source>
        <translation>{where} には Exchange Visit Planner のデータがありません(空のデータベース)。何も変更していません</translation>
    </message>
    <message>
        <source>{where} was written by an older version (schema {revision}); a command that only reads does not upgrade it: open it in the application or run a command that changes data (a backup is made first)</source>
        <translation>{where} は古いバージョンで書かれています(スキーマ {revision})。読み取りだけのコマンドはアップグレードしません。アプリケーションで開くか、データを変更するコマンドを実行してください(先にバックアップを作成します)</translation>
    </message>
    <message>
        <source>cannot reach {where}: {reason}</source>
        <translation>{where} に接続できません: {reason}</translation>
    </message>
    <message>
        <source>{where} needs its schema created or upgraded (from {revision} to {head}), which only the database owner {owner} may do: ask your IT department to run &apos;planner server init&apos; as {owner}; nothing was changed</source>
        <translation>{where} はスキーマの作成または更新（{revision} から {head} へ）が必要ですが、これを行えるのはデータベースの所有者 {owner} だけです。IT 部門に {owner} として &apos;planner server init&apos; を実行するよう依頼してください。何も変更されていません</translation>
    </message>
    <message>
        <source>there is no database at {path}; create one with &apos;planner demo --db {path}&apos;</source>
        <translation>{path} にデータベースがありません。&apos;planner demo --db {path}&apos; で作成してください</translation>
    </message>
    <message>
        <source>keep the database on this computer&apos;s own disk, or, to share it with colleagues, use the shared server mode (PLANNER_DATABASE_URL=postgresql+psycopg://...)</source>
        <extracomment>Folder names that sync clients use; compared case-insensitively against path parts. File-system types (from /proc/mounts) that are network shares.</extracomment>
        <translation>データベースはこのコンピューターのローカル ディスクに置いてください。同僚と共有する場合は、共有サーバー モード(PLANNER_DATABASE_URL=postgresql+psycopg://...)を使用してください</translation>
    </message>
    <message>
        <source>warning: the database {path} is in a cloud-synced folder; syncing a live database can corrupt it and copies personal data to the cloud: {advice}</source>
        <translation>警告: データベース {path} はクラウド同期フォルダー内にあります。使用中のデータベースを同期すると破損するおそれがあり、個人情報がクラウドにコピーされます。{advice}</translation>
    </message>
    <message>
        <source>a network share</source>
        <translation>ネットワーク共有</translation>
    </message>
    <message>
        <source>a network share ({type})</source>
        <translation>ネットワーク共有({type})</translation>
    </message>
    <message>
        <source>warning: the database {path} is on {network}; SQLite&apos;s locking is not reliable there and the file can be corrupted: {advice}</source>
        <translation>警告: データベース {path} は{network}上にあります。そこでは SQLite のロックが確実に機能せず、ファイルが破損するおそれがあります。{advice}</translation>
    </message>
    <message>
        <source>Mon</source>
        <extracomment>Default shortest acceptable time between two consecutive transport legs. Travel may start this many host-local days before arrival and end this many after departure (a trip from Japan to Chicago can leave the day before it arrives, host-local). Weekday abbreviations as ``%a`` writes them in the C locale, marked for translation.</extracomment>
        <translation>月</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>土</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>{first} overlaps {second}</source>
        <translation>{first} と {second} が重複しています</translation>
    </message>
    <message>
        <source>no lodging for the night of {weekday} {date} ({zone})</source>
        <translation>{date}({weekday})の夜の宿泊がありません({zone})</translation>
    </message>
    <message>
        <source>{item} is outside the stay {arrival} – {departure} (host-local dates)</source>
        <translation>{item} が滞在期間 {arrival} – {departure}(受入機関の現地日付)の範囲外です</translation>
    </message>
    <message>
        <source>only {minutes} min to connect from {first} to {second} (at least {wanted} min wanted)</source>
        <translation>{first} から {second} への乗り継ぎ時間が {minutes} 分しかありません(最低 {wanted} 分必要)</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} または {second}</translation>
    </message>
    <message>
        <source>{time} does not exist in {zone} (clocks jump forward at a daylight-saving change); it could mean {options}</source>
        <translation>{zone} では {time} は存在しません(夏時間の切り替えで時計が進むため)。{options} のいずれかと考えられます</translation>
    </message>
    <message>
        <source>{time} happens twice in {zone} (clocks go back at a daylight-saving change): {options}</source>
        <translation>{zone} では {time} が 2 回あります(夏時間の切り替えで時計が戻るため): {options}</translation>
    </message>
    <message>
        <source>{local} {abbreviation} ({offset}), {utc} UTC</source>
        <translation>{local} {abbreviation} ({offset})、{utc} UTC</translation>
    </message>
    <message>
        <source>{wall} at {reading} = {local} {abbreviation}, {utc} UTC</source>
        <translation>{wall}({reading}) = {local} {abbreviation}、{utc} UTC</translation>
    </message>
    <message>
        <source>visit {code} cannot become {target}: blocking paperwork not approved or waived: {items}. Approve or waive these items, or override with a written reason.</source>
        <extracomment>Statuses that clear an item for admission. Statuses in which the item still waits for someone to act, so its due date matters. Optimistic locking: the stored version this copy was read at (0 before it is stored). The title in Japanese and the visitor&apos;s native-script name, when recorded. Optimistic locking: the stored version this copy was read at (0 before it is stored). Optimistic locking: the stored version this copy was read at (0 before it is stored). Agreement kinds that cover a data-exchange visit.</extracomment>
        <translation>訪問 {code} を{target}にできません。必須の書類が承認済みでも免除でもありません: {items}。これらの項目を承認または免除にするか、理由を記入して例外承認してください。</translation>
    </message>
    <message>
        <source>{title}: due {due}, late by {days} day</source>
        <translation>{title}: 期限 {due}、{days} 日遅れ</translation>
    </message>
    <message>
        <source>{title}: due {due}, late by {days} days</source>
        <translation>{title}: 期限 {due}、{days} 日遅れ</translation>
    </message>
    <message>
        <source>no passport expiry date is recorded</source>
        <translation>パスポートの有効期限が記録されていません</translation>
    </message>
    <message>
        <source>passport expires {expiry}, before {needed} (departure {departure} plus {months} months)</source>
        <translation>パスポートの有効期限 {expiry} が {needed}(出発日 {departure} の {months} か月後)より前です</translation>
    </message>
    <message>
        <source>{title}: expires {expiry}, before arrival {arrival}</source>
        <translation>{title}: 有効期限 {expiry} が到着日 {arrival} より前です</translation>
    </message>
    <message>
        <source>{title}: expires {expiry}, before departure {departure}</source>
        <translation>{title}: 有効期限 {expiry} が出発日 {departure} より前です</translation>
    </message>
    <message>
        <source>These rules and lead times are editable defaults to help planning, not legal advice: check each requirement with the host institution&apos;s visitor office and the official immigration sources before relying on it.</source>
        <translation>これらのルールと所要日数は、計画の参考として編集可能な既定値であり、法的助言ではありません。各要件は、判断の根拠とする前に、受入機関の訪問者窓口および出入国管理の公式情報で確認してください。</translation>
    </message>
    <message>
        <source>{where}: must be a table</source>
        <translation>{where}: テーブルでなければなりません</translation>
    </message>
    <message>
        <source>{where}: unknown key {keys} (allowed: {allowed})</source>
        <translation>{where}: 不明なキー {keys}(使用できるキー: {allowed})</translation>
    </message>
    <message>
        <source>{where}: {key} must be text</source>
        <translation>{where}: {key} は文字列でなければなりません</translation>
    </message>
    <message>
        <source>{where}: {key} is required</source>
        <translation>{where}: {key} は必須です</translation>
    </message>
    <message>
        <source>{where}: {key} must be true or false, not {value}</source>
        <translation>{where}: {key} は true か false でなければなりません({value} ではありません)</translation>
    </message>
    <message>
        <source>{where}: {key} must be a whole number of at least {low}, not {value}</source>
        <translation>{where}: {key} は {low} 以上の整数でなければなりません({value} ではありません)</translation>
    </message>
    <message>
        <source>{where}: {key} must be a list of text values</source>
        <translation>{where}: {key} は文字列のリストでなければなりません</translation>
    </message>
    <message>
        <source>{where}: {key}: {values} is not an ISO 3166 country code</source>
        <translation>{where}: {key}: {values} は ISO 3166 の国コードではありません</translation>
    </message>
    <message>
        <source>{where}: {key}: {value} is not one of {allowed}</source>
        <translation>{where}: {key}: {value} は {allowed} のいずれでもありません</translation>
    </message>
    <message>
        <source>{source}: not valid TOML: {reason}</source>
        <translation>{source}: 正しい TOML ではありません: {reason}</translation>
    </message>
    <message>
        <source>{where}: [documents] must define at least one document type</source>
        <translation>{where}: [documents] には書類の種類を少なくとも一つ定義してください</translation>
    </message>
    <message>
        <source>{where}: [[rules]] must define at least one rule</source>
        <translation>{where}: [[rules]] には規則を少なくとも一つ定義してください</translation>
    </message>
    <message>
        <source>{source}: rule {rule}: the id is used twice</source>
        <translation>{source}: ルール {rule}: この ID は重複しています</translation>
    </message>
    <message>
        <source>the paperwork rules file {path} is missing</source>
        <translation>書類ルールのファイル {path} がありません</translation>
    </message>
    <message>
        <source>cannot read the paperwork rules file {path}: {reason}</source>
        <translation>書類ルールのファイル {path} を読み取れません: {reason}</translation>
    </message>
    <message>
        <source>{where}: the code must be lower-case letters, digits and underscores</source>
        <translation>{where}: コードは小文字の英字・数字・アンダースコアで書いてください</translation>
    </message>
    <message>
        <source>{where}: documents must name at least one document type</source>
        <translation>{where}: documents には書類の種類を少なくとも一つ指定してください</translation>
    </message>
    <message>
        <source>{where}: documents: unknown document type {types}</source>
        <translation>{where}: documents: 不明な書類の種類 {types}</translation>
    </message>
    <message>
        <source>{where}: min_days is greater than max_days, so the rule can never fire</source>
        <translation>{where}: min_days が max_days より大きいため、この規則は決して適用されません</translation>
    </message>
    <message>
        <source>host country {values}</source>
        <translation>受入機関の国 {values}</translation>
    </message>
    <message>
        <source>host kind {values}</source>
        <translation>受入機関の種類 {values}</translation>
    </message>
    <message>
        <source>home country {values}</source>
        <translation>所属機関の国 {values}</translation>
    </message>
    <message>
        <source>nationality {values}</source>
        <translation>国籍 {values}</translation>
    </message>
    <message>
        <source>nationality not {values}</source>
        <translation>国籍が {values} 以外</translation>
    </message>
    <message>
        <source>category {values}</source>
        <translation>区分 {values}</translation>
    </message>
    <message>
        <source>purpose {values}</source>
        <translation>目的 {values}</translation>
    </message>
    <message>
        <source>stay ≥ {days} days</source>
        <translation>滞在 ≥ {days} 日</translation>
    </message>
    <message>
        <source>stay ≤ {days} days</source>
        <translation>滞在 ≤ {days} 日</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>有償</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>無償</translation>
    </message>
    <message>
        <source>no active data/material agreement</source>
        <translation>有効なデータ共有・試料提供協定なし</translation>
    </message>
    <message>
        <source>every visit</source>
        <translation>すべての訪問</translation>
    </message>
    <message>
        <source>draft</source>
        <extracomment>The status values as they appear in messages, marked so the interface can translate them (a message&apos;s text parameters are translated in the &quot;Validation&quot; context).</extracomment>
        <translation>下書き</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>申請中</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>in_progress</source>
        <translation>実施中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>The visit is already {status}.</source>
        <extracomment>Statuses in which the visitor is admitted or about to be; paperwork gates them. Statuses that count as an active, planned or running visit.</extracomment>
        <translation>この訪問は既に{status}の状態です。</translation>
    </message>
    <message>
        <source>none (final status)</source>
        <translation>なし(最終状態)</translation>
    </message>
    <message>
        <source>A visit cannot go from {current} to {target}; allowed: {allowed}.</source>
        <translation>訪問を{current}から{target}に変更することはできません。変更可能な状態: {allowed}。</translation>
    </message>
    <message>
        <source>unknown time zone {zone} (use an IANA name)</source>
        <translation>不明なタイムゾーン {zone} です(IANA 名を使用してください)</translation>
    </message>
    <message>
        <source>{time} does not exist in {zone} (clocks jump forward); choose another time</source>
        <translation>{zone} では {time} は存在しません(時計が進むため)。別の時刻を選択してください</translation>
    </message>
    <message>
        <source>{time} happens twice in {zone} (clocks go back); say which one is meant</source>
        <translation>{zone} では {time} が 2 回あります(時計が戻るため)。どちらの時刻かを指定してください</translation>
    </message>
    <message>
        <source>the package is nested more than {depth} levels deep</source>
        <extracomment>Bounds of what a package may hold: a real one is a few kilobytes, a few levels deep, and its numbers are small (schema version, item sequences; PostgreSQL&apos;s INTEGER is 32-bit). What codes and ids look like: checked, so none can be a path, a command or a header. Every key a package&apos;s top level may hold (the sender and signature are read apart). Strings (skipped: they may hold brackets) and the brackets that nest.</extracomment>
        <translation>パッケージの入れ子が {depth} 段を超えています</translation>
    </message>
    <message>
        <source>the package holds a number beyond {limit}: {value}</source>
        <translation>パッケージに {limit} を超える数値があります: {value}</translation>
    </message>
    <message>
        <source>the package holds {value}, which is not JSON</source>
        <translation>パッケージに JSON ではない {value} があります</translation>
    </message>
    <message>
        <source>{where} must be a JSON object</source>
        <translation>{where} は JSON オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>missing field {field}</source>
        <translation>フィールド {field} がありません</translation>
    </message>
    <message>
        <source>{field} must be text</source>
        <translation>{field} はテキストである必要があります</translation>
    </message>
    <message>
        <source>{field} is {length} characters long; at most {limit} are allowed</source>
        <translation>{field} は {length} 文字あります。{limit} 文字までです</translation>
    </message>
    <message>
        <source>{field} contains the control character {char}; only tabs and line breaks are allowed</source>
        <translation>{field} に制御文字 {char} が含まれています。使えるのはタブと改行だけです</translation>
    </message>
    <message>
        <source>{field} must be one line of text</source>
        <translation>{field} は 1 行のテキストでなければなりません</translation>
    </message>
    <message>
        <source>missing field {field} (it is empty)</source>
        <translation>フィールド {field} がありません(空です)</translation>
    </message>
    <message>
        <source>{field} must be a whole number</source>
        <translation>{field} は整数である必要があります</translation>
    </message>
    <message>
        <source>{field} must be true or false</source>
        <translation>{field} は true または false である必要があります</translation>
    </message>
    <message>
        <source>{field}: {value} is not one of {allowed}</source>
        <translation>{field}: {value} は {allowed} のいずれでもありません</translation>
    </message>
    <message>
        <source>{field}: {value} is not an ISO date</source>
        <translation>{field}: {value} は ISO 形式の日付ではありません</translation>
    </message>
    <message>
        <source>{field}: the year {year} is outside {first}–{last}</source>
        <translation>{field}: {year} 年は {first}～{last} 年の範囲外です</translation>
    </message>
    <message>
        <source>{field}: {value} is not an ISO instant (2027-03-08T06:30:00Z)</source>
        <translation>{field}: {value} は ISO 形式の日時ではありません(2027-03-08T06:30:00Z)</translation>
    </message>
    <message>
        <source>{field}: {value} has no UTC offset</source>
        <translation>{field}: {value} に UTC オフセットがありません</translation>
    </message>
    <message>
        <source>{field} must be a list</source>
        <translation>{field} はリストである必要があります</translation>
    </message>
    <message>
        <source>{field}: {value} is not of the form {example}</source>
        <translation>{field}: {value} は {example} の形式ではありません</translation>
    </message>
    <message>
        <source>{field}: {key} is not in the package&apos;s institutions</source>
        <translation>{field}: {key} はパッケージ内の機関にありません</translation>
    </message>
    <message>
        <source>the file is larger than {limit} MB, so not an exchange package</source>
        <translation>ファイルが {limit} MB を超えているため、交換パッケージではありません</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text, so not an exchange package</source>
        <translation>ファイルが UTF-8 のテキストではないため、交換パッケージではありません</translation>
    </message>
    <message>
        <source>the file is not valid JSON (line {line}, column {column}: {error})</source>
        <translation>ファイルが有効な JSON ではありません({line} 行目、{column} 列目: {error})</translation>
    </message>
    <message>
        <source>this package uses schema version {version}; this version of the planner reads versions up to {supported}: update the planner to one that reads version {version} to import it</source>
        <translation>このパッケージはスキーマのバージョン {version} を使っています。このプランナーが読めるのはバージョン {supported} までです。取り込むには、バージョン {version} を読めるプランナーに更新してください</translation>
    </message>
    <message>
        <source>not a visit exchange package (its format is not {format})</source>
        <translation>訪問の交換パッケージではありません(形式が {format} ではありません)</translation>
    </message>
    <message>
        <source>the encrypted package is damaged or was altered: nothing can be read</source>
        <translation>暗号化されたパッケージが破損しているか、改ざんされています。読み取れません</translation>
    </message>
    <message>
        <source>the package is encrypted with {algorithm}, which is not supported</source>
        <translation>パッケージは {algorithm} で暗号化されていますが、これには対応していません</translation>
    </message>
    <message>
        <source>the package is encrypted for another key ({fingerprint}), not this planner&apos;s: only its recipient can read it</source>
        <translation>パッケージはこのプランナーではなく別の鍵({fingerprint})あてに暗号化されています。読めるのは受信者だけです</translation>
    </message>
    <message>
        <source>package.schema_version {version} is not a valid version</source>
        <translation>package.schema_version {version} は有効なバージョンではありません</translation>
    </message>
    <message>
        <source>the package holds unknown fields: {fields}</source>
        <translation>パッケージに不明な項目があります: {fields}</translation>
    </message>
    <message>
        <source>institutions: {key} is not a valid key</source>
        <translation>institutions: {key} は有効なキーではありません</translation>
    </message>
    <message>
        <source>visit.host_institution: {key} is not in the package&apos;s institutions</source>
        <translation>visit.host_institution: {key} はパッケージ内の機関にありません</translation>
    </message>
    <message>
        <source>people.{role} carries {fields} although the package says it includes no sensitive fields: refused</source>
        <translation>パッケージは機微情報を含まないとしていますが、people.{role} に {fields} が含まれています。拒否しました</translation>
    </message>
    <message>
        <source>itinerary: two items carry the same uid</source>
        <translation>itinerary: 2 つの項目に同じ uid があります</translation>
    </message>
    <message>
        <source>visit.exchange_id: {value} is not a UUID</source>
        <translation>visit.exchange_id: {value} は UUID ではありません</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>{path} を読み取れません: {error}</translation>
    </message>
    <message>
        <source>(no project)</source>
        <extracomment>Statuses whose visits an activity report counts. Label of visits without a project in the by-project breakdown.</extracomment>
        <translation>(プロジェクトなし)</translation>
    </message>
    <message>
        <source>By direction (home → host institution)</source>
        <extracomment>English and Japanese labels of the categories and purposes, in report order.</extracomment>
        <translation>方向別(所属機関 → 受入機関)</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>区分別</translation>
    </message>
    <message>
        <source>By project</source>
        <translation>プロジェクト別</translation>
    </message>
    <message>
        <source>By purpose</source>
        <translation>目的別</translation>
    </message>
    <message>
        <source>tick &apos;Create unknown institutions&apos;</source>
        <translation>「不明な機関を作成」にチェックを入れてください</translation>
    </message>
    <message>
        <source>{where} is a shared server database; back it up on the server (for example with pg_dump)</source>
        <translation>{where} は共有サーバーのデータベースです。サーバー側でバックアップしてください(例: pg_dump)</translation>
    </message>
    <message>
        <source>there is no database at {path}</source>
        <translation>{path} にデータベースがありません</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name with -o</source>
        <extracomment>Kept as plain strings so ``planner --help`` and every other command do not pay for importing Qt&apos;s PDF writer and openpyxl; a test checks they match the exporters&apos; enums.</extracomment>
        <translation>{path} はフォルダーです。-o でファイル名を指定してください</translation>
    </message>
    <message>
        <source>{path} is not a folder; create it first</source>
        <translation>{path} はフォルダーではありません。先に作成してください</translation>
    </message>
    <message>
        <source>{count} itineraries not written; {name}: {reason}</source>
        <translation>{count} 件の日程表を書き出せませんでした。{name}: {reason}</translation>
    </message>
    <message>
        <source>event {id} has no occurrence on {date} (or it is cancelled)</source>
        <translation>イベント {id} には {date} の回がありません(または中止されています)</translation>
    </message>
    <message>
        <source>{path} does not exist or is not a file</source>
        <translation>{path} は存在しないか、ファイルではありません</translation>
    </message>
    <message>
        <source>unknown status {status}; choose one of {choices}</source>
        <translation>不明なステータス {status} です。次のいずれかを選んでください: {choices}</translation>
    </message>
    <message>
        <source>cannot back up {source} onto itself; choose another file</source>
        <extracomment>The first 16 bytes of every SQLite database file. The suffix of a backup being written; one left behind was interrupted (see rotation).</extracomment>
        <translation>{source} を自分自身にバックアップすることはできません。別のファイルを選んでください</translation>
    </message>
    <message>
        <source>{destination} is a folder; give the backup a file name</source>
        <translation>{destination} はフォルダーです。バックアップのファイル名を指定してください</translation>
    </message>
    <message>
        <source>{source} was not backed up: it is empty or not a database (run &apos;planner check&apos;)</source>
        <translation>{source} はバックアップしませんでした。空か、データベースではありません(&apos;planner check&apos; を実行してください)</translation>
    </message>
    <message>
        <source>cannot write the backup to {folder}: {reason}</source>
        <translation>バックアップを {folder} に書き込めません: {reason}</translation>
    </message>
    <message>
        <source>the backup failed its integrity check: {problem}</source>
        <translation>バックアップが整合性チェックに失敗しました: {problem}</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>could not back up {source}: {reason}</source>
        <translation>{source} をバックアップできませんでした: {reason}</translation>
    </message>
    <message>
        <source>could not write the backup {destination}: {reason}</source>
        <translation>バックアップ {destination} を書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>this database was written by Exchange Visit Planner version {written_by} (schema {revision}); this is version {version}: install {written_by} or newer to open it</source>
        <extracomment>The newest revision in ``migrations/versions`` (a test checks it against Alembic&apos;s own reading). Opening an up-to-date file compares with it and so never imports Alembic, which took a fifth of the application&apos;s start-up.</extracomment>
        <translation>このデータベースは Exchange Visit Planner バージョン {written_by} で書き込まれました(スキーマ {revision})。このアプリはバージョン {version} です。開くには {written_by} 以降をインストールしてください</translation>
    </message>
    <message>
        <source>this database was written by Exchange Visit Planner a newer version (schema {revision}); this is version {version}: install a newer version or newer to open it</source>
        <translation>このデータベースは Exchange Visit Planner の新しいバージョンで書き込まれました(スキーマ {revision})。このアプリはバージョン {version} です。開くには新しいバージョンをインストールしてください</translation>
    </message>
    <message>
        <source>the backup {backup} is damaged too ({problem}); choose another</source>
        <translation>バックアップ {backup} も破損しています({problem})。別のバックアップを選んでください</translation>
    </message>
    <message>
        <source>could not restore {backup} to {path}: {reason}</source>
        <translation>{backup} を {path} に復元できませんでした: {reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>{path} に書き込めません: {reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>{path} に書き込めません: フォルダー {folder} は存在しません</translation>
    </message>
    <message>
        <source>the itinerary could not be rendered: {reason}</source>
        <extracomment>An e-mail draft to the visitor with the PDF and the .ics attached (recorded as sent).</extracomment>
        <translation>日程表を作成できませんでした: {reason}</translation>
    </message>
    <message>
        <source>the bundled Japanese font {path} is unreadable: {reason}</source>
        <extracomment>Device resolution of the PDF: fine enough for exact glyph placement, small coordinates. Margins of every page, in millimetres (left, top, right, bottom).</extracomment>
        <translation>同梱の日本語フォント {path} を読み取れません: {reason}</translation>
    </message>
    <message>
        <source>the bundled Japanese font could not be loaded from {path}</source>
        <translation>同梱の日本語フォントを {path} から読み込めませんでした</translation>
    </message>
    <message>
        <source>unknown table format {format}; use csv or xlsx</source>
        <extracomment>First characters that make a spreadsheet treat text as a formula. Control characters XLSX (XML 1.0) cannot store.</extracomment>
        <translation>不明な表の形式 {format} です。csv か xlsx を使ってください</translation>
    </message>
    <message>
        <source>the database already holds data ({held}); use a new file for the demo</source>
        <extracomment>Progress units of the curated part: the directory, the events, then one per visit.</extracomment>
        <translation>データベースにはすでにデータがあります({held})。デモには新しいファイルを使ってください</translation>
    </message>
    <message>
        <source>visit {code} was changed by someone else since you opened it (version {opened}, now {current})</source>
        <extracomment>Keeps checklists in step with visits and decides admission on them.</extracomment>
        <translation>訪問 {code} は、開いた後に他の人によって変更されました(開いたときのバージョン {opened}、現在 {current})</translation>
    </message>
    <message>
        <source>there is no visit {code}</source>
        <translation>訪問 {code} はありません</translation>
    </message>
    <message>
        <source>visit {code} was changed by someone else since you opened it</source>
        <translation>訪問 {code} は、開いた後に他の人によって変更されました</translation>
    </message>
    <message>
        <source>visit {code} changed since its status became {status}</source>
        <translation>訪問 {code} は、ステータスが {status} になった後に変更されました</translation>
    </message>
    <message>
        <source>is {length} characters long; at most {limit} are allowed</source>
        <extracomment>Lengths in characters, by kind of field. Field → maximum length, per record type (by class name, so this module imports no other record modules). Text fields not listed here get :data:`DEFAULT_LENGTH`. Control characters a text may hold: tab and line breaks (CR as part of CRLF).</extracomment>
        <translation>{length} 文字あります。{limit} 文字までです</translation>
    </message>
    <message>
        <source>contains the control character {char}; only tabs and line breaks are allowed</source>
        <translation>制御文字 {char} が含まれています。使えるのはタブと改行だけです</translation>
    </message>
    <message>
        <source>the year {year} is outside {first}–{last}</source>
        <translation>{year} 年は {first}～{last} 年の範囲外です</translation>
    </message>
    <message>
        <source>{path} is not encrypted although an encrypted database was asked for; encrypt it first with &apos;planner encrypt --db {path}&apos;</source>
        <translation>暗号化されたデータベースが指定されましたが、{path} は暗号化されていません。先に &apos;planner encrypt --db {path}&apos; で暗号化してください</translation>
    </message>
    <message>
        <source>a record was changed by someone else while you saved: reload it and make your change again</source>
        <extracomment>What the login may do (a team server&apos;s role); an SQLite file allows everything.</extracomment>
        <translation>保存中に他の人がレコードを変更しました。再読み込みしてから、もう一度変更してください</translation>
    </message>
    <message>
        <source>{url} is not a database URL; expected for example postgresql+psycopg://user@host/planner or sqlite:////path/to/planner.sqlite3</source>
        <extracomment>Something that starts like ``scheme://`` is meant as a URL, not a file name. Backends the application supports, and the drivers it can use for each. What to install for a supported driver that is missing. Asked for as an encrypted file (a ``sqlite+pysqlcipher`` URL): never opened or created as a plain one. An encrypted file is recognised without it, by its first bytes.</extracomment>
        <translation>{url} はデータベースの URL ではありません。例: postgresql+psycopg://user@host/planner または sqlite:////path/to/planner.sqlite3</translation>
    </message>
    <message>
        <source>{url}: the database key is never given in a URL; keep it in the keychain or in PLANNER_DATABASE_KEY and use sqlite+pysqlcipher:////path/to/file</source>
        <translation>{url}: データベースの鍵は URL に書きません。鍵はキーチェーンか PLANNER_DATABASE_KEY に置き、sqlite+pysqlcipher:////path/to/file を使ってください</translation>
    </message>
    <message>
        <source>{url}: the SQLite driver {driver} is not supported; use a sqlite:/// URL, or sqlite+pysqlcipher:/// for an encrypted file</source>
        <translation>{url}: SQLite ドライバー {driver} には対応していません。sqlite:/// の URL か、暗号化ファイルには sqlite+pysqlcipher:/// を使ってください</translation>
    </message>
    <message>
        <source>{url}: the database type {backend} is not supported; use postgresql+psycopg:// or sqlite:///</source>
        <translation>{url}: データベースの種類 {backend} には対応していません。postgresql+psycopg:// または sqlite:/// を使ってください</translation>
    </message>
    <message>
        <source>{url}: the driver {driver} is not supported; use postgresql+psycopg://</source>
        <translation>{url}: ドライバー {driver} には対応していません。postgresql+psycopg:// を使ってください</translation>
    </message>
    <message>
        <source>the database driver {driver} is not installed; install it with &apos;pip install {package}&apos; (or &apos;pip install exchange-visit-planner[postgres]&apos;)</source>
        <translation>データベースドライバー {driver} がインストールされていません。&apos;pip install {package}&apos;(または &apos;pip install exchange-visit-planner[postgres]&apos;)でインストールしてください</translation>
    </message>
    <message>
        <source>{url} names no database file; use sqlite:////path/to/file</source>
        <translation>{url} にはデータベースファイルの指定がありません。sqlite:////path/to/file の形で指定してください</translation>
    </message>
    <message>
        <source>--db needs a file path</source>
        <translation>--db にはファイルのパスが必要です</translation>
    </message>
    <message>
        <source>{value} is too long</source>
        <translation>{value} は長すぎます</translation>
    </message>
    <message>
        <source>{value}: the country calling code after + does not exist</source>
        <translation>{value}：+ の後の国番号は存在しません</translation>
    </message>
    <message>
        <source>{value} has no country code: write it with + and the country code (e.g. +81 3-1234-5678)</source>
        <translation>{value} には国番号がありません：+ と国番号を付けて書いてください（例：+81 3-1234-5678）</translation>
    </message>
    <message>
        <source>{value} is too short</source>
        <translation>{value} は短すぎます</translation>
    </message>
    <message>
        <source>{value} is not a telephone number</source>
        <translation>{value} は電話番号ではありません</translation>
    </message>
    <message>
        <source>{value}: +{code} is not a country calling code</source>
        <translation>{value}：+{code} は国番号ではありません</translation>
    </message>
    <message>
        <source>{value} is a local number: add the area code</source>
        <translation>{value} は市内番号です：市外局番を付けてください</translation>
    </message>
    <message>
        <source>{value} is not a valid number in {region}</source>
        <translation>{value} は {region} の有効な番号ではありません</translation>
    </message>
    <message>
        <source>{value} is not a valid number for +{code}</source>
        <translation>{value} は +{code} の有効な番号ではありません</translation>
    </message>
    <message>
        <source>--hours names {zone}, which is not one of the --zone</source>
        <translation>--hours の {zone} は --zone に指定されていません</translation>
    </message>
    <message>
        <source>{value} is not working hours: write HH:MM-HH:MM with the end after the start</source>
        <extracomment>Default working hours of a site: 08:00–19:00 local, Monday to Friday. The most occurrences one series may have (ten years of a weekly seminar, and some). Weekday names as the command line and the database write them (Monday = 0).</extracomment>
        <translation>{value} は勤務時間ではありません。HH:MM-HH:MM の形で、終了を開始より後にしてください</translation>
    </message>
    <message>
        <source>{value} is not a weekday (use mon, tue, wed, thu, fri, sat, sun)</source>
        <translation>{value} は曜日ではありません(mon, tue, wed, thu, fri, sat, sun を使ってください)</translation>
    </message>
    <message>
        <source>a series needs an end: a last date or a number of occurrences</source>
        <extracomment>The moved occurrence&apos;s instants (None when it only is cancelled). The instant the rule gives (iCalendar&apos;s RECURRENCE-ID), and its anchor-local date.</extracomment>
        <translation>シリーズには終わりが必要です。最終日か回数を指定してください</translation>
    </message>
    <message>
        <source>give a last date or a number of occurrences, not both</source>
        <translation>最終日か回数のどちらか一方を指定してください(両方は指定できません)</translation>
    </message>
    <message>
        <source>the series ends before its first occurrence</source>
        <translation>シリーズの終了日が初回より前です</translation>
    </message>
    <message>
        <source>a series has 1 to {max} occurrences</source>
        <translation>シリーズの回数は 1～{max} 回です</translation>
    </message>
    <message>
        <source>give at least two different zones</source>
        <extracomment>The longest range searched (a season is ~90 days; a year at most). Working hours by zone; a zone not listed works the default 08:00–19:00, weekdays. Candidates are listed every *step* minutes past the hour.</extracomment>
        <translation>異なるタイムゾーンを 2 つ以上指定してください</translation>
    </message>
    <message>
        <source>the duration is 1 to {max} minutes</source>
        <translation>長さは 1～{max} 分です</translation>
    </message>
    <message>
        <source>the range runs forward and spans at most {max} days</source>
        <translation>期間は開始日から終了日へ、最長 {max} 日です</translation>
    </message>
    <message>
        <source>the step divides an hour (1, 5, 10, 15, 20, 30 or 60 minutes)</source>
        <translation>間隔は 1 時間を割り切る分数にしてください(1、5、10、15、20、30、60 分)</translation>
    </message>
    <message>
        <source>choose at least one weekday</source>
        <translation>曜日を 1 つ以上選んでください</translation>
    </message>
    <message>
        <source>a site is listed twice</source>
        <extracomment>For every occurrence, the local time at every site (same order as *sites*).</extracomment>
        <translation>同じ拠点が 2 回指定されています</translation>
    </message>
    <message>
        <source>a moved occurrence needs a start and an end</source>
        <translation>変更する回には開始と終了が必要です</translation>
    </message>
    <message>
        <source>the series has no occurrence on {date}</source>
        <translation>シリーズには {date} の回がありません</translation>
    </message>
    <message>
        <source>a package with sensitive fields is encrypted to its recipient: ask the partner&apos;s coordinator to run &apos;planner keys export -o their-key.json&apos; and send you the file, then give it with --to their-key.json</source>
        <extracomment>The schema (major) version this build writes, and the newest it reads; its JSON Schema is ``resources/schemas/exchange-package-2.schema.json``. Version 1 packages were unsigned. The ``format`` every package names, so a stray JSON file is recognised as not one. The ``format`` of a package encrypted to its recipient. Prefixed to what is signed, so a package signature can never be replayed as another kind.</extracomment>
        <translation>機微情報を含むパッケージは受信者あてに暗号化されます。相手機関のコーディネーターに &apos;planner keys export -o their-key.json&apos; を実行してファイルを送ってもらい、--to their-key.json で指定してください</translation>
    </message>
    <message>
        <source>the database changed since the package was reviewed: review it again</source>
        <translation>パッケージを確認した後にデータベースが変更されました。もう一度確認してください</translation>
    </message>
    <message>
        <source>the package is refused: {reasons}</source>
        <translation>パッケージは拒否されました: {reasons}</translation>
    </message>
    <message>
        <source>{field} is not a key (64 lower-case hex digits)</source>
        <extracomment>What a public key file names itself, so a stray JSON file is not read as one.</extracomment>
        <translation>{field} は鍵(小文字の 16 進数 64 桁)ではありません</translation>
    </message>
    <message>
        <source>{field} must be an institution name</source>
        <translation>{field} は機関名でなければなりません</translation>
    </message>
    <message>
        <source>{field} contains control characters</source>
        <translation>{field} に制御文字が含まれています</translation>
    </message>
    <message>
        <source>the key files in {folder} cannot be read: {error}</source>
        <translation>{folder} の鍵ファイルを読み取れません: {error}</translation>
    </message>
    <message>
        <source>the key files in {folder} hold other keys</source>
        <translation>{folder} の鍵ファイルには別の種類の鍵が入っています</translation>
    </message>
    <message>
        <source>set this planner&apos;s home institution first: partners trust keys by institution</source>
        <translation>先にこのプランナーの所属機関を設定してください。相手機関は機関ごとに鍵を信頼します</translation>
    </message>
    <message>
        <source>this is this planner&apos;s own key file</source>
        <translation>これはこのプランナー自身の鍵ファイルです</translation>
    </message>
    <message>
        <source>{institution} is trusted with the key {trusted}, but this is signed by another key, {offered}: refused. Call your contact there and compare fingerprints; if they made new keys, import their new key file with &apos;planner keys import FILE --replace&apos;</source>
        <translation>{institution} は鍵 {trusted} で信頼されていますが、これは別の鍵 {offered} で署名されています。拒否しました。先方の担当者に電話してフィンガープリントを照合してください。先方が鍵を作り直した場合は、新しい鍵ファイルを &apos;planner keys import FILE --replace&apos; で取り込んでください</translation>
    </message>
    <message>
        <source>not a planner public key file</source>
        <translation>プランナーの公開鍵ファイルではありません</translation>
    </message>
    <message>
        <source>this key file has version {version}; this planner reads version 1</source>
        <translation>この鍵ファイルのバージョンは {version} です。このプランナーが読めるのはバージョン 1 です</translation>
    </message>
    <message>
        <source>the key file is damaged or was altered: refused</source>
        <translation>鍵ファイルが破損しているか、改ざんされています。拒否しました</translation>
    </message>
    <message>
        <source>{where} is a shared server database; &apos;planner encrypt&apos; encrypts a database file on this computer (a server is protected by its logins and TLS)</source>
        <translation>{where} は共有サーバーのデータベースです。&apos;planner encrypt&apos; はこのコンピューター上のデータベースファイルを暗号化するものです（サーバーはログインと TLS で保護されます）</translation>
    </message>
    <message>
        <source>there is no file at {path}</source>
        <translation>{path} にファイルがありません</translation>
    </message>
    <message>
        <source>{path}: give another file name with -o</source>
        <translation>{path}: -o で別のファイル名を指定してください</translation>
    </message>
    <message>
        <source>no database key was found: set PLANNER_DATABASE_KEY or keep the key in the keychain</source>
        <translation>データベースの鍵が見つかりません。PLANNER_DATABASE_KEY を設定するか、鍵をキーチェーンに保存してください</translation>
    </message>
    <message>
        <source>the SQLCipher driver is not installed, so an encrypted database cannot be opened; install it with &apos;pip install sqlcipher3&apos;</source>
        <extracomment>The first 16 bytes of every plain SQLite database file. The smallest SQLCipher file: one page of the smallest size SQLCipher writes.</extracomment>
        <translation>SQLCipher ドライバーがインストールされていないため、暗号化されたデータベースを開けません。&apos;pip install sqlcipher3&apos; でインストールしてください</translation>
    </message>
    <message>
        <source>the database key from {source} contains control characters</source>
        <translation>{source} のデータベースの鍵に制御文字が含まれています</translation>
    </message>
    <message>
        <source>no keychain can keep the database key ({reason}); set PLANNER_DATABASE_KEY instead (and keep it safe: without it the data cannot be read)</source>
        <translation>データベースの鍵を保存できるキーチェーンがありません（{reason}）。代わりに PLANNER_DATABASE_KEY を設定してください（鍵は大切に保管してください。鍵がないとデータを読めません）</translation>
    </message>
    <message>
        <source>{path} is encrypted and no key was found: set PLANNER_DATABASE_KEY or keep the key in the keychain (service exchange-visit-planner, entry database-key)</source>
        <extracomment>SQLCipher 4&apos;s key derivation: PBKDF2-HMAC-SHA512, this many iterations, a 256-bit key.</extracomment>
        <translation>{path} は暗号化されていますが、鍵が見つかりません。PLANNER_DATABASE_KEY を設定するか、鍵をキーチェーンに保存してください（サービス exchange-visit-planner、項目 database-key）</translation>
    </message>
    <message>
        <source>{path} cannot be decrypted with the database key: the key is wrong (check PLANNER_DATABASE_KEY or the keychain) or the file is damaged</source>
        <translation>{path} をデータベースの鍵で復号できません。鍵が違う（PLANNER_DATABASE_KEY またはキーチェーンを確認してください）か、ファイルが破損しています</translation>
    </message>
    <message>
        <source>the encrypted copy failed its check ({problem}); {path} was left unchanged</source>
        <extracomment>The verified backup taken first (itself encrypted by the end); None when the file was encrypted already and only an interrupted run&apos;s backups and attachments were left.</extracomment>
        <translation>暗号化したコピーが検査に合格しませんでした（{problem}）。{path} は変更していません</translation>
    </message>
    <message>
        <source>{path} is in use by another program (a window or a command); close it and run &apos;planner encrypt&apos; again</source>
        <translation>{path} は別のプログラム（ウィンドウまたはコマンド）が使用中です。それを閉じてから &apos;planner encrypt&apos; をもう一度実行してください</translation>
    </message>
    <message>
        <source>{path} is already encrypted</source>
        <translation>{path} はすでに暗号化されています</translation>
    </message>
    <message>
        <source>{path} is not a file sealed by this application</source>
        <extracomment>Cost of deriving each file&apos;s key: the database key from the environment may be a passphrase a person chose, so guessing it must stay slow.</extracomment>
        <translation>{path} はこのアプリケーションが暗号化（封印）したファイルではありません</translation>
    </message>
    <message>
        <source>{where} is a file on this computer; &apos;planner server&apos; sets up a shared PostgreSQL server: give its URL with --db or PLANNER_DATABASE_URL</source>
        <translation>{where} はこのコンピューター上のファイルです。&apos;planner server&apos; は共有 PostgreSQL サーバーを設定するコマンドです：--db または PLANNER_DATABASE_URL でその URL を指定してください</translation>
    </message>
    <message>
        <source>the passwords do not match</source>
        <translation>パスワードが一致しません</translation>
    </message>
    <message>
        <source>the password is longer than {limit} characters</source>
        <translation>パスワードが {limit} 文字を超えています</translation>
    </message>
    <message>
        <source>the password contains control characters</source>
        <translation>パスワードに制御文字が含まれています</translation>
    </message>
    <message>
        <source>{url} is on another machine, so the connection must be encrypted and the server checked: add ?sslmode=verify-full to the URL (your IT department sets the server up for it), or set {env}=1 if you deliberately accept an unverified connection</source>
        <extracomment>The coordinator&apos;s deliberate exception to the TLS rule.</extracomment>
        <translation>{url} は別のマシン上にあるため、接続を暗号化しサーバーを検証する必要があります：URL に ?sslmode=verify-full を追加するか（サーバーの設定は IT 部門が行います）、検証されない接続を意図的に受け入れる場合は {env}=1 を設定してください</translation>
    </message>
    <message>
        <source>only the owner of the database ({owner}) can set up the server; run &apos;planner server init&apos; as that login</source>
        <extracomment>Table -&gt; (record kind, id column) announced by the change trigger. An SQLite file, or the owner: everything.</extracomment>
        <translation>サーバーを設定できるのはデータベースの所有者（{owner}）だけです。そのログインで &apos;planner server init&apos; を実行してください</translation>
    </message>
    <message>
        <source>{name} cannot be a login name: use letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter (not planner_ or pg_)</source>
        <extracomment>A login name: letters, digits, ``_ . -``; starting with a letter (no quoting tricks).</extracomment>
        <translation>{name} はログイン名に使えません：英字で始まり、英字・数字・&apos;_&apos;・&apos;.&apos;・&apos;-&apos; だけを使ってください（planner_ や pg_ で始まる名前は不可）</translation>
    </message>
    <message>
        <source>the password is empty</source>
        <translation>パスワードが空です</translation>
    </message>
    <message>
        <source>the server is not set up yet: run &apos;planner server init&apos; first</source>
        <translation>サーバーはまだ設定されていません：先に &apos;planner server init&apos; を実行してください</translation>
    </message>
    <message>
        <source>{name} is a superuser or your own login: choose another name</source>
        <translation>{name} はスーパーユーザーまたはご自身のログインです：別の名前を選んでください</translation>
    </message>
    <message>
        <source>your login&apos;s role does not include passports and dates of birth, so they cannot be shown or exported; leave them out or ask a coordinator</source>
        <translation>このログインのロールには旅券情報と生年月日が含まれていないため、表示も書き出しもできません。それらを除外するか、コーディネーターに依頼してください</translation>
    </message>
    <message>
        <source>visit {code}: the visitor has no e-mail address; add one first</source>
        <extracomment>Mail programs show at most this much of a subject; longer ones are cut.</extracomment>
        <translation>訪問 {code}: 訪問者のメールアドレスがありません。先に追加してください</translation>
    </message>
    <message>
        <source>visit {code}: nothing is open for the visitor to send</source>
        <translation>訪問 {code}: 訪問者に依頼する未処理の書類はありません</translation>
    </message>
    <message>
        <source>template {file} is larger than {limit} KB</source>
        <translation>テンプレート {file} が {limit} KB を超えています</translation>
    </message>
    <message>
        <source>template {file} is not UTF-8 text</source>
        <translation>テンプレート {file} は UTF-8 のテキストではありません</translation>
    </message>
    <message>
        <source>template {file}, line {line}: {reason}</source>
        <translation>テンプレート {file} の {line} 行目: {reason}</translation>
    </message>
    <message>
        <source>there is no template {file}</source>
        <translation>テンプレート {file} がありません</translation>
    </message>
    <message>
        <source>template {file} calls itself without end</source>
        <translation>テンプレート {file} が自分自身を際限なく呼び出しています</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Back to draft</source>
        <extracomment>A tab the window adds to every editor: (title, factory(editor) -&gt; widget). The verb on the status menu for moving to each status.</extracomment>
        <translation>下書きに戻す</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>申請</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>Start (visitor arrived)</source>
        <translation>開始(訪問者到着)</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Cancel visit…</source>
        <translation>訪問を中止…</translation>
    </message>
    <message>
        <source>Research collaboration</source>
        <translation>共同研究</translation>
    </message>
    <message>
        <source>Lecture</source>
        <translation>講演</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <source>Symposium</source>
        <translation>シンポジウム</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>研修</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>データ交換</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Close</source>
        <extracomment>Room for every tab: the paperwork checklist shows about ten rows, its labels unclipped.</extracomment>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概要(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>履歴(&amp;H)</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>コード:</translation>
    </message>
    <message>
        <source>Change &amp;status</source>
        <translation>状態の変更(&amp;S)</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <source>Choose the visitor…</source>
        <translation>訪問者を選択…</translation>
    </message>
    <message>
        <source>&amp;Visitor:</source>
        <translation>訪問者(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Host institution:</source>
        <translation>受入機関(&amp;H):</translation>
    </message>
    <message>
        <source>Host &amp;person:</source>
        <translation>受入担当者(&amp;P):</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>方向:</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>プロジェクト(&amp;J):</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>目的(&amp;U):</translation>
    </message>
    <message>
        <source>Paid (the host pays salary or stipend)</source>
        <translation>有償(受入機関が給与または手当を支給)</translation>
    </message>
    <message>
        <source>Funding:</source>
        <translation>資金:</translation>
    </message>
    <message>
        <source>&amp;Arrival (host date):</source>
        <translation>到着(受入地の日付)(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Departure (host date):</source>
        <translation>出発(受入地の日付)(&amp;D):</translation>
    </message>
    <message>
        <source>Notes for the &amp;visitor:</source>
        <translation>訪問者へのメモ(&amp;V):</translation>
    </message>
    <message>
        <source>No&amp;tes for the visitor in Japanese:</source>
        <translation>訪問者へのメモ（日本語）(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Internal notes:</source>
        <translation>内部メモ(&amp;I):</translation>
    </message>
    <message>
        <source>Internal notes never leave the app: exports leave them out.</source>
        <translation>内部メモはアプリの外に出ることはなく、書き出しにも含まれません。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新規訪問</translation>
    </message>
    <message>
        <source>Visit {code}</source>
        <translation>訪問 {code}</translation>
    </message>
    <message>
        <source>(assigned when saved)</source>
        <translation>(保存時に割り当て)</translation>
    </message>
    <message>
        <source>Choose the visitor</source>
        <translation>訪問者を選択してください</translation>
    </message>
    <message>
        <source>Choose the host</source>
        <translation>受入機関を選択してください</translation>
    </message>
    <message>
        <source>Edit visit {code}</source>
        <translation>訪問 {code} の編集</translation>
    </message>
    <message>
        <source>Cannot change the status</source>
        <translation>状態を変更できません</translation>
    </message>
    <message>
        <source>{verb} visit {code}</source>
        <translation>{verb}: 訪問 {code}</translation>
    </message>
    <message>
        <source>{label} (override)</source>
        <translation>{label}(例外承認)</translation>
    </message>
    <message>
        <source>Blocking paperwork</source>
        <translation>必須の書類</translation>
    </message>
    <message>
        <source>The visit cannot become {status} while these items are neither approved nor waived:
{items}

To override anyway, write the reason (kept in the audit log):</source>
        <translation>次の項目が承認済みでも免除でもないため、訪問を「{status}」にできません:
{items}

それでも例外承認する場合は、理由を入力してください(監査ログに記録されます):</translation>
    </message>
    <message>
        <source>Cancel visit</source>
        <translation>訪問を中止</translation>
    </message>
    <message>
        <source>Cancel visit {code}? Why (kept in the history):</source>
        <translation>訪問 {code} を中止しますか? 理由を入力してください(履歴に記録されます):</translation>
    </message>
</context>
<context>
    <name>VisitFilterBar</name>
    <message>
        <source>Status</source>
        <extracomment>The widest date any offered format writes (the Japanese one, in a two-digit month). Below this width the dates go onto a second line.</extracomment>
        <translation>状態</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>Active (not completed or cancelled)</source>
        <translation>アクティブ(完了・中止を除く)</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Host institution</source>
        <translation>受入機関</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>すべての日付</translation>
    </message>
    <message>
        <source>Visits overlapping from</source>
        <translation>期間の開始日</translation>
    </message>
    <message>
        <source>Visits overlapping until</source>
        <translation>期間の終了日</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Show every visit again</source>
        <translation>すべての訪問を再表示</translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation>期間(&amp;B)</translation>
    </message>
    <message>
        <source>and</source>
        <translation>～</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>両方向</translation>
    </message>
    <message>
        <source>Incoming to {home}</source>
        <translation>{home} への受入</translation>
    </message>
    <message>
        <source>Outgoing from {home}</source>
        <translation>{home} からの派遣</translation>
    </message>
    <message>
        <source>Choose your home institution in Settings first</source>
        <translation>先に設定で所属機関を選択してください</translation>
    </message>
    <message>
        <source>Any host</source>
        <translation>すべての受入機関</translation>
    </message>
    <message>
        <source>Any project</source>
        <translation>すべてのプロジェクト</translation>
    </message>
</context>
<context>
    <name>VisitMenu</name>
    <message>
        <source>&amp;Open</source>
        <extracomment>At most this many editors open at once from one &quot;Open&quot; (a slip must not open hundreds).</extracomment>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>複製(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cancel Visit…</source>
        <translation>訪問を中止(&amp;C)…</translation>
    </message>
    <message>
        <source>Change &amp;Status</source>
        <translation>状態を変更(&amp;S)</translation>
    </message>
    <message>
        <source>Copy Visitor&apos;s &amp;E-mail Address</source>
        <translation>訪問者のメールアドレスをコピー(&amp;E)</translation>
    </message>
    <message>
        <source>De&amp;lete Draft…</source>
        <translation>下書きを削除(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>VisitStatus</name>
    <message>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>申請中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>実施中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>訪問者</translation>
    </message>
    <message>
        <source>Home institution</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <source>Host institution</source>
        <translation>受入機関</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到着</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>出発</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>VisitorMail</name>
    <message>
        <source>Send itinerary to visitor</source>
        <translation>訪問者に旅程表を送る</translation>
    </message>
    <message>
        <source>Request paperwork from visitor</source>
        <translation>訪問者に書類を依頼</translation>
    </message>
    <message>
        <source>Invitation letter</source>
        <translation>招へい状</translation>
    </message>
    <message>
        <source>Language of the visitor:</source>
        <translation>訪問者の言語:</translation>
    </message>
    <message>
        <source>Select a visit in the list first.</source>
        <translation>先に一覧で訪問を選択してください。</translation>
    </message>
</context>
<context>
    <name>VisitsView</name>
    <message>
        <source>Filter visits</source>
        <translation>訪問の絞り込み</translation>
    </message>
    <message>
        <source>Filter visits (code, name, 漢字, institution, status…)</source>
        <translation>訪問の絞り込み(コード、名前、漢字、機関、状態…)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>訪問</translation>
    </message>
    <message>
        <source>No visits yet.</source>
        <translation>訪問はまだありません。</translation>
    </message>
    <message>
        <source>New visit…</source>
        <translation>新規訪問…</translation>
    </message>
    <message>
        <source>Import visits…</source>
        <translation>訪問の取り込み…</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Exchange Visit Planner</source>
        <extracomment>The page&apos;s text column stops growing here: long lines are hard to read.</extracomment>
        <translation>交流訪問プランナーへようこそ</translation>
    </message>
    <message>
        <source>The planner keeps your exchange visits between partner institutions: who comes when, where they stay, what paperwork is due. This database is still empty; these steps fill it.</source>
        <translation>このプランナーはパートナー機関との交流訪問を管理します。誰がいつ来るのか、どこに滞在するのか、どの書類がいつまでに必要なのか。このデータベースはまだ空です。次の手順でデータを入れてください。</translation>
    </message>
    <message>
        <source>1. Add the institutions</source>
        <translation>1. 機関を追加する</translation>
    </message>
    <message>
        <source>Your own institution and each partner: every visit goes from one to another, and every person belongs to one.</source>
        <translation>自機関と各パートナー機関です。訪問はある機関から別の機関へ行われ、人物はいずれかの機関に所属します。</translation>
    </message>
    <message>
        <source>Add an institution…</source>
        <translation>機関を追加…</translation>
    </message>
    <message>
        <source>2. Choose your home institution</source>
        <translation>2. 自機関を選ぶ</translation>
    </message>
    <message>
        <source>The planner then knows which visits come to you and which go out.</source>
        <translation>これで、どの訪問が受け入れで、どの訪問が派遣かが分かります。</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>設定を開く…</translation>
    </message>
    <message>
        <source>3. Bring in people and visits</source>
        <translation>3. 人物と訪問を入れる</translation>
    </message>
    <message>
        <source>Import them from a spreadsheet (CSV or XLSX), or add them one by one with File ▸ New. A template has the columns the import reads, explained on its second sheet.</source>
        <translation>表計算ファイル（CSV または XLSX）から取り込むか、ファイル ▸ 新規 で一件ずつ追加します。テンプレートには取り込みで読む列が入っており、2 枚目のシートに各列の説明があります。</translation>
    </message>
    <message>
        <source>Import people…</source>
        <translation>人物の取り込み…</translation>
    </message>
    <message>
        <source>Import visits…</source>
        <translation>訪問の取り込み…</translation>
    </message>
    <message>
        <source>People template…</source>
        <translation>人物のテンプレート…</translation>
    </message>
    <message>
        <source>Visits template…</source>
        <translation>訪問のテンプレート…</translation>
    </message>
    <message>
        <source>Or look around first</source>
        <translation>まずは見てみる</translation>
    </message>
    <message>
        <source>The demo opens in a new window on its own fresh copy of sample data; this database stays as it is, and the demo&apos;s changes are thrown away when it closes.</source>
        <translation>デモはサンプルデータの新しいコピーを使って別のウィンドウで開きます。このデータベースは変わらず、デモでの変更は閉じると破棄されます。</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>デモを開く</translation>
    </message>
    <message>
        <source>This page stays in Help ▸ Getting started.</source>
        <translation>このページはいつでも ヘルプ ▸ はじめに から開けます。</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>取り込み用テンプレートの保存</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>The demo could not be started. Run “planner --demo” from a terminal.</source>
        <translation>デモを起動できませんでした。端末から「planner --demo」を実行してください。</translation>
    </message>
</context>
</TS>

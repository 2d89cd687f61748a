# leadtrack の日本語の言葉。ID は英語カタログと同じ。
#
# 用語集（画面・CLI・エラーで同じ言葉を使う）
#   considering 検討段階 / future 将来見込み / no prospect 見込みなし / customer 顧客
#   next action 次回アクション / overdue 期限切れ / today 本日（一覧の見出しは「今日」）
#   this week 今週 / stale 放置 / owner 担当者 / business card 名刺 / reading 読み
#   meeting 商談 / call 電話 / document request 資料請求 / source 流入元 / rank ランク
#   lead リード / contact 担当者（名刺の人） / activity 活動 / follow-up フォロー
#   filter 絞り込み / undo 取り消す / redo やり直す / tag タグ / value 金額

## 画面（タブ）
view-board = ボード
view-followups = フォロー
view-contacts = 名刺
view-activities = 活動
view-customers = 顧客
view-stats = 統計

## キー：? ヘルプでの説明
key-quit = 終了
key-help = この画面のキー一覧
key-search = リード・名刺・活動を検索
key-next-view = 次の画面
key-prev-view = 前の画面
key-view-board = ボード
key-view-followups = フォロー
key-view-contacts = 名刺
key-view-activities = 活動
key-view-customers = 顧客
key-view-stats = 統計
key-undo = 直前の変更を取り消す
key-redo = 取り消した変更をやり直す
key-up = 上へ
key-down = 下へ
key-left = 左の列へ
key-right = 右の列へ
key-top = 先頭へ
key-bottom = 末尾へ
key-page-up = 前のページ
key-page-down = 次のページ
key-open = 開く
key-back = 戻る
key-move-left = リードを前の段階へ移す
key-move-right = リードを次の段階へ移す
key-won = 受注にする（顧客へ）
key-delete = 削除（確認あり）
key-add = 追加
key-edit = 編集
key-log-call = 電話を記録
key-log-meeting = 商談を記録
key-log-note = メモを追加
key-log-activity = 種類を選んで活動を記録
key-link-contact = リードに担当者を付ける／名刺をリードに付ける
key-next-item = 担当者・活動を選ぶ（e・d・R で操作）
key-prev-item = 前の担当者・活動を選ぶ
key-change-role = 選んだ担当者の役割を次へ
key-dedupe = 重複らしい名刺を確認（統合かスキップ）
key-sort = 並べ替え：ランク・次回アクション日・金額・放置の長い順
key-stale-only = 放置リードだけ表示／全部に戻す
key-owner-filter = 全員・自分・担当者ごとに表示
key-filter = 絞り込み：語句・タグ・担当者・流入元・ランク・段階・期日
key-clear-filters = 絞り込みをすべて解除
key-reschedule = 次回アクションの日付を変える
key-stats-period = 集計期間を切り替え：今月・先月・四半期・90日・全期間
key-toggle-score = スコアの内訳を開く／1行にたたむ
key-save = 保存
key-next-field = 次の項目
key-prev-field = 前の項目
key-external-editor = この項目を $EDITOR で編集
key-clear-field = この項目を空にする
key-cancel = キャンセル
key-confirm-yes = はい（確認で）
key-confirm-no = いいえ（確認で）
key-search-next = 次の結果
key-search-previous = 前の結果
key-search-close = 検索を閉じる
key-merge-pair = 表示中の2件を統合
key-skip-pair = 表示中の2件をスキップ
key-stop-review = 重複の確認をやめる

## ヒントバー
hint-column = 列
hint-card = カード
hint-move = 移動
hint-open = 開く
hint-call = 電話
hint-meeting = 商談
hint-add = 追加
hint-search = 検索
hint-filter = 絞り込み
hint-undo = 取消
hint-back = 戻る
hint-scroll = スクロール
hint-note = メモ
hint-edit = 編集
hint-contact = 担当者
hint-select = 選択
hint-score = スコア
hint-lead = リード
hint-period = 期間
hint-next-view = 次の画面
hint-delete = 削除
hint-go-to = 移動
hint-close = 閉じる

## いまの場所（? ヘルプの見出し）
context-board = ボード
context-lead-list = リード一覧
context-contacts = 名刺
context-activities = 活動
context-stats = 統計
context-detail = リード詳細
context-form = フォーム
context-search = 検索
context-confirm = 確認
context-help = ヘルプ
context-dedupe = 重複の確認

## ? ヘルプ
help-title = キー一覧 — { $place }
help-scroll = { $down }/{ $up } スクロール
help-closes = { $key } で閉じる
help-rebind = キーは設定ファイルの [keys] で変えられます。
tab-help = { $key } ヘルプ

## 件数
leads-count = { $count }件

## フォーム・ポップアップ・メッセージ
# form-: フォームの見出し・項目名・ヒント・選択肢・項目に付く誤りの説明
# popup-: 確認・検索・重複確認の枠　said-: 操作のあとステータス行に出す文
# データ（案件名・名前・日付）は値として入り、そのまま出す。

# フォームの枠
form-keys = enter 次へ/保存 · { $save } 保存 · { $fields } 項目 · { $editor } $EDITOR · { $cancel } 中止
form-discard = 入力した内容を捨てますか？ { $key } で破棄、ほかのキーで戻る

# フォーム共通のヒントと誤り（例はフォームが読めるものだけ：テストで確かめる）
form-hint-date = +3d、明日、金曜、12/1、3日後
form-hint-moment = 今、昨日 15:00
form-hint-amount = 1200000、120万
form-bad-date = 「{ $text }」は日付として読めません（例: 明日、3日後、来週月曜、月末、12/1、令和8年12月1日）
form-bad-amount = 「{ $text }」は金額として読めません（例: 1200000、1,200,000、¥1,200,000、120万）
form-bad-minutes = 「{ $text }」は数字ではありません（分で入れてください）
form-answer-unknown = 不明
form-answer-yes = あり
form-answer-no = なし
form-next-action-on = 次回アクション日

# リードのフォームと日付の変更
form-lead-new-title = リードの追加
form-lead-edit-title = リードの編集
form-lead-title = 案件名
form-lead-company = 会社名
form-lead-next-action = 次回アクション
form-lead-due = 期日
form-lead-stage = 段階
form-lead-value = 金額
form-lead-owner = 担当者
form-lead-source = 流入元
form-lead-source-detail = 流入元の詳細
form-lead-tags = タグ
form-hint-tags = 読点かカンマで区切る
form-lead-budget = 予算
form-lead-authority = 決裁権
form-lead-need = 必要性
form-lead-timing = 導入時期
form-lead-notes = メモ
form-lead-needs-title = 案件名を入れてください
form-reschedule-title = 日付の変更：{ $what }
form-reschedule-title-bare = 次回アクション日の変更

# 名刺のフォーム
form-contact-new-title = 名刺の追加
form-contact-edit-title = 名刺の編集
form-contact-family-name = 姓
form-contact-given-name = 名
form-contact-family-reading = 姓の読み
form-contact-given-reading = 名の読み
form-contact-company = 会社名
form-contact-company-reading = 会社名の読み
form-contact-department = 部署
form-contact-title = 役職
form-contact-email = メール
form-contact-more-emails = 他のメール
form-contact-phone = 電話
form-contact-mobile = 携帯
form-contact-fax = FAX
form-contact-more-phones = 他の番号
form-contact-postal-code = 郵便番号
form-contact-address = 住所
form-contact-url = URL
form-contact-other-urls = 他のURL
form-contact-other-companies = 他の会社
form-contact-exchanged-at = 交換場所
form-contact-exchanged-by = 交換した人
form-contact-other-addresses = 他の住所
form-contact-exchanged-on = 交換日
form-contact-notes = メモ
form-hint-more-emails = 読点かカンマで区切り、種類は（自宅）のように添える
form-hint-more-phones = 03-1111-2222（自宅）、090-…（携帯）
form-hint-other-addresses = 1行に1件：〒150-0001 東京都…（自宅）
form-hint-met-on = 2026-11-20、昨日
form-contact-needs-a-name = 名前・メール・会社名のどれかを入れてください
form-bad-kind = 「{ $text }」は種類として読めません（会社・自宅・携帯・FAX・その他のどれか）
form-bad-email = 「{ $text }」はメールアドレスとして読めません
form-bad-number = 「{ $text }」は電話番号として読めません

# 活動の記録と編集
form-log-kind = 種類
form-log-summary = 概要
form-log-when = 日時
form-log-minutes = 所要時間（分）
form-log-direction = 方向
form-log-outbound = こちらから
form-log-inbound = 先方から
form-log-with = 相手
form-log-details = 詳細
form-log-person = { $name }（{ $role }）
form-log-title-on-lead = { $kind } — { $lead }
form-log-activity-on-lead = 活動 — { $lead }
form-log-activity = 活動
form-log-edit-title-on-lead = { $kind }の編集 — { $lead }
form-log-edit-title = { $kind }の編集
form-log-needs-summary = 何があったかを1行で書いてください
# 日付だけ入れたときの次回アクション（リードに保存される）
form-log-follow-up = フォロー

# リードに担当者を付ける（名刺をリードに付ける）
form-link-title = 「{ $lead }」に担当者を付ける
form-link-to-lead-title = { $name }をリードに付ける
form-link-contact = 担当者
form-link-lead = リード
form-link-role = 役割
form-hint-find-contact = 名前・読み・会社名の一部を入力
form-hint-find-lead = 案件名か会社名の一部を入力
form-link-choose-contact = 名前の一部を入力し、↑/↓ で選んでください
form-link-choose-lead = 案件名の一部を入力し、↑/↓ で選んでください
form-link-nobody-matches = 該当する人がいません：読みか会社名で探してください
form-link-no-lead-matches = 該当するリードがありません：案件名か会社名の一部で探してください

# 絞り込みのフォーム
form-filter-board-title = ボードの絞り込み
form-filter-lists-title = 一覧の絞り込み
form-filter-any = すべて
form-filter-me = 自分（{ $name }）
form-filter-words = 語句
form-hint-filter-words = 案件名・会社名・メモから
form-filter-tag = タグ
form-filter-rank = ランク
form-filter-stale = 放置
form-filter-stale-no = 指定なし
form-filter-stale-yes = 放置リードだけ

# 確認
popup-confirm-title = 確認
popup-confirm-yes = はい
popup-confirm-no = いいえ
popup-confirm-unlink = { $name }をこのリードから外しますか？
popup-confirm-delete-activity = { $kind }「{ $summary }」を削除しますか？
popup-confirm-delete-contact = 名刺「{ $name }」を削除しますか？
popup-confirm-delete-lead = リード「{ $title }」を削除しますか？

# 検索
popup-search-hint = 名前・読み・会社名・概要の一部を入力（さとう・ｻﾄｳ・佐藤のどれでも探せます）
popup-search-nothing = 該当なし
popup-search-lead = リード
popup-search-contact = 名刺

# 重複の確認
popup-dedupe-title = 重複の候補 { $at }/{ $of } — { $reason }
popup-dedupe-stays = 残す名刺
popup-dedupe-merged-into-it = 統合される名刺
popup-dedupe-name = 名前
popup-dedupe-reading = 読み
popup-dedupe-numbers = 電話番号
popup-dedupe-rule = 後で交換した名刺の内容が優先されます。メール・電話番号・住所は失われません。
popup-dedupe-merge = 統合
popup-dedupe-skip = スキップ
popup-dedupe-stop = やめる
popup-dedupe-same-id = 同じID
popup-dedupe-same-uid = 名刺のIDが同じ
popup-dedupe-same-card = 同じ名刺をもう一度
popup-dedupe-same-email = メールが同じ
popup-dedupe-same-mobile = 携帯番号が同じ
popup-dedupe-same-name-and-company = 名前と会社名が同じ
popup-dedupe-same-name = 名前が同じで、違う項目なし

# 操作のあとのステータス行
said-cancelled = キャンセルしました（何も保存していません）
said-not-saved = 保存できませんでした：{ $problem }
said-not-deleted = 削除しませんでした
said-last-stage = { $stage }より先の段階はありません
said-already-customer = すでに顧客です
said-no-duplicates = 重複らしい名刺はありません
said-added-lead = 「{ $title }」を追加しました
said-next-action-on = 次回アクション日を { $date } にしました
said-no-next-action-date = 次回アクション日を外しました
said-no-change = 変更はありません
said-saved = { $fields }を保存しました
said-saved-undoable = { $fields }を保存しました — { $key } で取り消す
said-logged = { $kind }を記録しました
said-logged-next = { $kind }を記録しました · 次回: { $next }
said-contact-added = 名刺を追加しました
said-contact-saved = 名刺を保存しました
said-now-role = このリードでの役割を{ $role }にしました
said-linked-as = { $role }としてリードに付けました
said-already-in = 「{ $title }」はすでに{ $stage }です
said-moved = 「{ $title }」を{ $stage }へ移しました — { $key } で取り消す
said-nothing-to-undo = 取り消す変更はありません
said-nothing-to-redo = やり直す変更はありません
said-undone = 取り消し：{ $what } — { $key } でやり直す
said-redone = やり直し：{ $what }
said-unlinked = リードから外しました — { $key } で取り消す
said-deleted = 削除しました — { $key } で取り消す
said-merged-skipped = 統合 { $merged }件・スキップ { $skipped }件
said-duplicates-reviewed = 重複の確認を終えました：統合 { $merged }件・スキップ { $skipped }件
said-no-card-selected = 名刺が選ばれていません：{ $key } で追加するか、名刺を取り込んでください
said-pick-a-contact-first = 先に担当者を選んでください：{ $key } でリードの担当者を順に選べます
said-contact-on-no-lead = この名刺はまだどのリードにも付いていません
said-sorted-by-rank = ランク順に並べ替えました
said-sorted-by-next-action = 次回アクション日順に並べ替えました
said-sorted-by-value = 金額順に並べ替えました
said-sorted-longest-quiet-first = 放置の長い順に並べ替えました
said-only-stale = 放置リードだけを表示
said-stale-or-not = 放置かどうかを問わず全リードを表示
said-everyones-leads = 全員のリードを表示
said-my-leads = 自分のリードを表示（{ $name }）
said-their-leads = { $name }さんのリードを表示
said-filtered = 絞り込み：{ $filters }（{ $key } で解除）
said-no-filters = 絞り込みなし：すべてのリードを表示
said-no-filters-to-clear = 解除する絞り込みはありません
said-filters-cleared = 絞り込みを解除しました：すべてのリードを表示

# 取り消し・やり直しで何が起きたか（「取り消し：」「やり直し：」のあと）
said-a-deleted-lead = 削除されたリード
said-a-contact = 不明な名刺
said-the-activity = 活動
said-activity-on-lead = 「{ $lead }」の{ $kind }
said-activity-with-contact = { $name }との{ $kind }
said-next-action-back-to = 「{ $title }」の次回アクション日が { $date } に戻りました
said-next-action-back-to-no-date = 「{ $title }」の次回アクション日が未設定に戻りました
said-lead-as-it-was = 「{ $title }」はすでに元のとおりです
said-lead-fields-back = 「{ $title }」の{ $fields }が元に戻りました
said-lead-back-to = 「{ $title }」が{ $stage }に戻りました
said-lead-moved-to = 「{ $title }」が{ $stage }へ移りました
said-lead-back = リード「{ $title }」が戻りました
said-lead-removed = リード「{ $title }」を消しました
said-activity-removed = { $activity }を消しました
said-activity-logged-again = { $activity }をもう一度記録しました
said-contact-removed = 名刺「{ $name }」を消しました
said-contact-fields-back = 名刺「{ $name }」の{ $fields }が元に戻りました
said-contact-back = 名刺「{ $name }」が戻りました
said-link-as-before = { $name }が「{ $title }」で元の役割に戻りました
said-link-taken-off = { $name }を「{ $title }」から外しました
said-activity-fields-back = 活動の{ $fields }が元に戻りました
said-activity-back = { $activity }が戻りました

# メッセージでの項目名
said-field-other = 項目
said-lead-field-title = 案件名
said-lead-field-company = 会社名
said-lead-field-source = 流入元
said-lead-field-source-detail = 流入元の詳細
said-lead-field-owner = 担当者
said-lead-field-value = 金額
said-lead-field-next-action = 次回アクション
said-lead-field-next-action-on = 次回アクション日
said-lead-field-qualification = 予算・決裁権・必要性・導入時期
said-lead-field-tags = タグ
said-lead-field-notes = メモ
said-lead-field-stage = 段階
said-contact-field-family-name = 姓
said-contact-field-given-name = 名
said-contact-field-family-reading = 姓の読み
said-contact-field-given-reading = 名の読み
said-contact-field-company = 会社名
said-contact-field-company-reading = 会社名の読み
said-contact-field-department = 部署
said-contact-field-title = 役職
said-contact-field-email = メール
said-contact-field-phone = 電話
said-contact-field-mobile = 携帯
said-contact-field-fax = FAX
said-contact-field-number = 電話番号
said-contact-field-postal-code = 郵便番号
said-contact-field-address = 住所
said-contact-field-url = URL
said-contact-field-other-address = 他の住所
said-contact-field-other-url = 他のURL
said-contact-field-other-company = 他の会社
said-contact-field-exchanged-on = 交換日
said-contact-field-exchanged-at = 交換場所
said-contact-field-exchanged-by = 交換した人
said-contact-field-notes = メモ
said-contact-field-tags = タグ
said-activity-field-kind = 種類
said-activity-field-when = 日時
said-activity-field-duration = 所要時間
said-activity-field-direction = 方向
said-activity-field-summary = 概要
said-activity-field-details = 詳細
said-activity-field-contact = 担当者
said-activity-field-lead = リード

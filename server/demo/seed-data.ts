/**
 * Sample content for the demo and the tests, written for this project: civic news of an
 * imaginary commune in today's two-tier local government (a province and its communes, since
 * 1 July 2025), dated the weeks before the seed date, in Vietnamese. Every related-articles
 * strategy has results.
 */

/** The portal the sample articles come from. */
export const SEED_SOURCE = 'Cổng thông tin điện tử xã Hòa Bình';

export const CATEGORIES = [
  { id: 'kinh-te', name: 'Kinh tế' },
  { id: 'giao-duc', name: 'Giáo dục' },
  { id: 'y-te', name: 'Y tế' },
  { id: 'giao-thong', name: 'Giao thông – Xây dựng' },
  { id: 'hanh-chinh', name: 'Cải cách hành chính' },
] as const;

export const TOPICS = [
  { id: 'chuyen-doi-so', name: 'Chuyển đổi số' },
  { id: 'nong-thon-moi', name: 'Xây dựng nông thôn mới' },
  { id: 'sot-xuat-huyet', name: 'Phòng chống sốt xuất huyết' },
] as const;

export interface SeedArticle {
  /** The article's key in existing databases: kept when its text is rewritten. */
  slug: string;
  title: string;
  lead: string;
  paragraphs: string[];
  category: (typeof CATEGORIES)[number]['id'];
  topic: (typeof TOPICS)[number]['id'] | null;
  author: string;
  /** Days before the seed date, so the order (newer / older) is fixed. */
  daysAgo: number;
  imageAlt: string;
  imageCaption: string;
}

export const SEED_ARTICLES: SeedArticle[] = [
  {
    slug: 'nong-dan-ghi-nhat-ky-ca-phe-tren-dien-thoai',
    title: 'Nông dân xã Hòa Bình ghi nhật ký sản xuất cà phê trên điện thoại',
    lead: 'Sau ba tháng thí điểm, hơn 120 hộ trồng cà phê đã ghi chép việc bón phân, tưới nước và thu hái bằng ứng dụng, giúp hợp tác xã truy xuất nguồn gốc từng lô hàng.',
    paragraphs: [
      'Mô hình do Ủy ban nhân dân xã phối hợp với hợp tác xã nông nghiệp triển khai từ tháng Tám. Mỗi hộ được cán bộ khuyến nông của xã hướng dẫn cài ứng dụng và tạo mã cho từng thửa vườn.',
      'Vụ thu hoạch năm nay, lô cà phê nhân đầu tiên có nhật ký đầy đủ được một doanh nghiệp chế biến thu mua với giá cao hơn khoảng tám phần trăm so với giá thị trường.',
      'Hợp tác xã dự kiến mở rộng mô hình sang các thôn thuộc khu vực xã Đăk Tơ cũ trong năm 2027.',
    ],
    category: 'kinh-te',
    topic: 'chuyen-doi-so',
    author: 'Minh Hà',
    daysAgo: 1,
    imageAlt: 'Vườn cà phê trên sườn đồi, phía trước là một máy tính bảng',
    imageCaption: 'Vườn cà phê của một hộ tham gia thí điểm tại thôn Đồng Tâm.',
  },
  {
    slug: 'hop-tac-xa-rau-an-toan-ban-hang-qua-san-thuong-mai',
    title: 'Hợp tác xã rau an toàn đưa sản phẩm lên sàn thương mại điện tử',
    lead: 'Rau củ của hợp tác xã Tân Tiến ở thôn Tân Lập đã có mặt trên hai sàn thương mại điện tử, mỗi tuần giao khoảng hai tấn hàng cho khách ở các phường trung tâm tỉnh.',
    paragraphs: [
      'Các thành viên hợp tác xã được Phòng Kinh tế xã tập huấn chụp ảnh sản phẩm, viết mô tả và đóng gói theo yêu cầu của sàn.',
      'Ban quản lý cho biết đơn hàng trực tuyến giúp giảm phụ thuộc vào thương lái và giữ giá bán ổn định trong những tuần mưa cuối mùa.',
    ],
    category: 'kinh-te',
    topic: 'chuyen-doi-so',
    author: 'Thu Trang',
    daysAgo: 4,
    imageAlt: 'Luống rau xanh trong nhà lưới',
    imageCaption: 'Nhà lưới trồng rau của hợp tác xã Tân Tiến.',
  },
  {
    slug: 'mo-hinh-nuoi-ca-long-tren-ho-thuy-loi',
    title: 'Mô hình nuôi cá lồng trên hồ thủy lợi cho thu nhập ổn định',
    lead: 'Mười hai hộ ở thôn Suối Đá nuôi cá diêu hồng trong lồng trên hồ thủy lợi, mỗi năm thu lãi bình quân sáu mươi triệu đồng một hộ.',
    paragraphs: [
      'Xã hỗ trợ một nửa chi phí làm lồng và con giống trong năm đầu từ nguồn vốn chương trình mục tiêu quốc gia; cán bộ khuyến nông kiểm tra chất lượng nước mỗi tháng.',
      'Các hộ đã lập tổ hợp tác để cùng mua thức ăn và ký hợp đồng bán cá cho các bếp ăn trường học trong xã.',
    ],
    category: 'kinh-te',
    topic: 'nong-thon-moi',
    author: 'Văn Sơn',
    daysAgo: 9,
    imageAlt: 'Các lồng nuôi cá trên mặt hồ',
    imageCaption: 'Lồng nuôi cá của tổ hợp tác thôn Suối Đá.',
  },
  {
    slug: 'phien-cho-nong-san-cuoi-tuan',
    title: 'Phiên chợ nông sản cuối tuần thu hút đông người dân',
    lead: 'Phiên chợ nông sản an toàn tổ chức mỗi sáng Chủ nhật tại sân nhà văn hóa trung tâm xã đã trở thành điểm hẹn của người mua từ các xã, phường lân cận.',
    paragraphs: [
      'Mỗi phiên có hơn ba mươi gian hàng của các hợp tác xã và hộ sản xuất có chứng nhận, mỗi gian niêm yết giá và mã truy xuất nguồn gốc.',
      'Ban tổ chức bố trí khu vực thanh toán không dùng tiền mặt để người mua quét mã nhanh chóng.',
    ],
    category: 'kinh-te',
    topic: null,
    author: 'Thu Trang',
    daysAgo: 15,
    imageAlt: 'Gian hàng bày bán rau củ và trái cây',
    imageCaption: 'Một gian hàng tại phiên chợ sáng Chủ nhật.',
  },
  {
    slug: 'lang-nghe-dan-lat-nhan-don-hang-xuat-khau',
    title: 'Làng nghề đan lát nhận đơn hàng xuất khẩu đầu tiên',
    lead: 'Cơ sở đan lát của thôn Kon Rơ nhận đơn hàng năm nghìn giỏ mây cho mùa lễ cuối năm, tạo việc làm cho hơn bốn mươi lao động nữ.',
    paragraphs: [
      'Sản phẩm được thiết kế lại theo mẫu của đối tác nhưng vẫn giữ hoa văn truyền thống của đồng bào Xơ Đăng.',
      'Phòng Kinh tế xã hỗ trợ cơ sở làm thủ tục chứng nhận nguồn gốc nguyên liệu và đăng ký sản phẩm OCOP.',
    ],
    category: 'kinh-te',
    topic: 'nong-thon-moi',
    author: 'Y Ngọc',
    daysAgo: 22,
    imageAlt: 'Những chiếc giỏ mây đan xếp chồng',
    imageCaption: 'Giỏ mây chuẩn bị đóng gói xuất khẩu.',
  },
  {
    slug: 'truong-tieu-hoc-dung-so-lien-lac-dien-tu',
    title: 'Các trường tiểu học chuyển sang sổ liên lạc điện tử',
    lead: 'Từ năm học 2026–2027, phụ huynh của bốn trường tiểu học trong xã nhận thông báo điểm danh, học tập và các khoản thu qua ứng dụng trên điện thoại.',
    paragraphs: [
      'Phòng Văn hóa – Xã hội xã tổ chức tập huấn cho giáo viên chủ nhiệm trước khi triển khai.',
      'Những gia đình chưa có điện thoại thông minh vẫn nhận phiếu liên lạc giấy như trước.',
    ],
    category: 'giao-duc',
    topic: 'chuyen-doi-so',
    author: 'Lan Anh',
    daysAgo: 2,
    imageAlt: 'Phụ huynh xem thông báo của nhà trường trên điện thoại',
    imageCaption: 'Phụ huynh tra cứu sổ liên lạc điện tử.',
  },
  {
    slug: 'khai-giang-lop-xoa-mu-chu-cho-phu-nu',
    title: 'Khai giảng lớp xóa mù chữ cho phụ nữ dân tộc thiểu số',
    lead: 'Ba mươi hai học viên ở thôn Đăk Tơ theo học lớp xóa mù chữ vào các buổi tối, do giáo viên trường tiểu học đứng lớp.',
    paragraphs: [
      'Lớp học kéo dài chín tháng, học viên được cấp sách vở và đèn đọc sách.',
      'Hội Liên hiệp Phụ nữ xã vận động các gia đình sắp xếp việc nhà để chị em đi học đều.',
    ],
    category: 'giao-duc',
    topic: 'nong-thon-moi',
    author: 'Y Ngọc',
    daysAgo: 7,
    imageAlt: 'Lớp học buổi tối dưới ánh đèn',
    imageCaption: 'Buổi học đầu tiên của lớp xóa mù chữ.',
  },
  {
    slug: 'thi-vien-thu-vien-than-thien',
    title: 'Thư viện xã mở cửa cả ngày thứ Bảy',
    lead: 'Thư viện xã mở cửa thêm ngày thứ Bảy và bổ sung góc đọc cho trẻ em, thu hút hàng trăm lượt bạn đọc mỗi tuần.',
    paragraphs: [
      'Góc đọc có hơn hai nghìn đầu sách thiếu nhi do các nhà hảo tâm và trường học quyên góp.',
      'Thư viện còn tổ chức buổi kể chuyện sáng thứ Bảy hằng tuần và cho mượn sách qua các điểm đọc ở thôn.',
    ],
    category: 'giao-duc',
    topic: null,
    author: 'Lan Anh',
    daysAgo: 12,
    imageAlt: 'Trẻ em ngồi đọc sách trên thảm',
    imageCaption: 'Góc đọc thiếu nhi của thư viện xã.',
  },
  {
    slug: 'hoc-sinh-gioi-cap-tinh',
    title: 'Chín học sinh của xã đạt giải học sinh giỏi cấp tỉnh',
    lead: 'Trong năm học 2025–2026, học sinh Trường Trung học cơ sở Hòa Bình giành chín giải ở kỳ thi học sinh giỏi lớp chín cấp tỉnh, nhiều nhất từ trước đến nay.',
    paragraphs: [
      'Các môn có nhiều giải là Toán, Ngữ văn và Tin học.',
      'Ủy ban nhân dân xã sẽ khen thưởng học sinh đạt giải và giáo viên bồi dưỡng tại lễ kỷ niệm Ngày Nhà giáo Việt Nam 20/11.',
    ],
    category: 'giao-duc',
    topic: null,
    author: 'Hoàng Nam',
    daysAgo: 18,
    imageAlt: 'Học sinh làm bài tại bàn trong lớp học',
    imageCaption: 'Đội tuyển của trường trong giờ ôn luyện.',
  },
  {
    slug: 'xay-moi-diem-truong-thon-xa',
    title: 'Xây mới điểm trường mầm non ở thôn xa trung tâm',
    lead: 'Điểm trường mầm non thôn Đăk Lung với hai phòng học và bếp ăn bán trú được đưa vào sử dụng, trẻ không còn phải đi học xa.',
    paragraphs: [
      'Công trình được đầu tư từ nguồn vốn chương trình mục tiêu quốc gia xây dựng nông thôn mới.',
      'Nhà trường đã tiếp nhận hơn năm mươi cháu ngay trong tuần đầu.',
    ],
    category: 'giao-duc',
    topic: 'nong-thon-moi',
    author: 'Văn Sơn',
    daysAgo: 25,
    imageAlt: 'Ngôi trường mái đỏ với sân chơi',
    imageCaption: 'Điểm trường mầm non mới ở thôn Đăk Lung.',
  },
  {
    slug: 'chien-dich-diet-lang-quang',
    title: 'Ra quân chiến dịch diệt lăng quăng phòng sốt xuất huyết',
    lead: 'Hơn ba trăm đoàn viên, hội viên đến từng nhà hướng dẫn dọn vật dụng đọng nước và thả cá ăn lăng quăng vào bể chứa.',
    paragraphs: [
      'Trạm Y tế xã cho biết số ca sốt xuất huyết từ đầu năm tăng so với cùng kỳ, tập trung ở các thôn quanh khu trung tâm xã.',
      'Người dân có dấu hiệu sốt cao liên tục cần đến cơ sở y tế, không tự ý dùng thuốc.',
    ],
    category: 'y-te',
    topic: 'sot-xuat-huyet',
    author: 'Bích Ngọc',
    daysAgo: 3,
    imageAlt: 'Tình nguyện viên kiểm tra chum nước trước nhà dân',
    imageCaption: 'Tình nguyện viên hướng dẫn người dân đậy kín dụng cụ chứa nước.',
  },
  {
    slug: 'phun-hoa-chat-khu-dan-cu',
    title: 'Phun hóa chất diệt muỗi tại các khu dân cư có ca bệnh',
    lead: 'Trạm Y tế xã phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh phun hóa chất diệt muỗi tại bốn khu dân cư có ca sốt xuất huyết, khoanh vùng không để dịch lan rộng.',
    paragraphs: [
      'Người dân được thông báo trước để đóng cửa tủ thức ăn và đưa vật nuôi ra ngoài.',
      'Sau mười ngày, đội sẽ phun nhắc lại nếu còn phát hiện ca mới.',
    ],
    category: 'y-te',
    topic: 'sot-xuat-huyet',
    author: 'Bích Ngọc',
    daysAgo: 8,
    imageAlt: 'Nhân viên y tế mặc đồ bảo hộ phun thuốc',
    imageCaption: 'Phun hóa chất tại khu dân cư thôn Đồng Tâm.',
  },
  {
    slug: 'kham-benh-mien-phi-nguoi-cao-tuoi',
    title: 'Khám bệnh, cấp thuốc miễn phí cho người cao tuổi',
    lead: 'Gần bốn trăm người cao tuổi ở các thôn phía nam của xã được khám sức khỏe, đo huyết áp, thử đường huyết và nhận thuốc miễn phí.',
    paragraphs: [
      'Đoàn bác sĩ của Trung tâm Y tế khu vực phát hiện nhiều trường hợp tăng huyết áp chưa được điều trị.',
      'Những người cần theo dõi được lập hồ sơ quản lý tại Trạm Y tế xã và các điểm trạm ở thôn.',
    ],
    category: 'y-te',
    topic: null,
    author: 'Hoàng Nam',
    daysAgo: 13,
    imageAlt: 'Bác sĩ đo huyết áp cho một cụ ông',
    imageCaption: 'Khám sức khỏe cho người cao tuổi tại nhà văn hóa thôn Suối Đá.',
  },
  {
    slug: 'tram-y-te-xa-dat-chuan',
    title: 'Trạm Y tế xã đạt bộ tiêu chí quốc gia về y tế xã',
    lead: 'Sau khi sắp xếp, Trạm Y tế xã Hòa Bình và hai điểm trạm ở khu vực xã Đăk Tơ và Tân Lập cũ được công nhận đạt bộ tiêu chí quốc gia về y tế xã.',
    paragraphs: [
      'Các điểm khám được sửa chữa, bổ sung trang thiết bị và dùng hồ sơ sức khỏe điện tử chung cho toàn xã.',
      'Người dân vẫn khám bệnh tại điểm trạm gần nhà, không phải đi xa lên trung tâm xã.',
    ],
    category: 'y-te',
    topic: 'nong-thon-moi',
    author: 'Bích Ngọc',
    daysAgo: 20,
    imageAlt: 'Trạm y tế xã sơn màu vàng nhạt',
    imageCaption: 'Trạm Y tế xã Hòa Bình sau khi sửa chữa.',
  },
  {
    slug: 'dat-lich-kham-truc-tuyen',
    title: 'Đặt lịch khám bệnh trực tuyến tại Trung tâm Y tế khu vực',
    lead: 'Người dân trong xã có thể đặt lịch khám tại Trung tâm Y tế khu vực qua ứng dụng VNeID, cổng thông tin hoặc tổng đài, giảm thời gian chờ tại khu khám bệnh.',
    paragraphs: [
      'Mỗi ngày trung tâm dành sáu mươi lượt khám cho người đặt lịch trước.',
      'Người bệnh nhận tin nhắn nhắc lịch vào chiều hôm trước; cán bộ Trạm Y tế xã hỗ trợ người cao tuổi đặt lịch.',
    ],
    category: 'y-te',
    topic: 'chuyen-doi-so',
    author: 'Lan Anh',
    daysAgo: 27,
    imageAlt: 'Màn hình điện thoại hiển thị lịch khám',
    imageCaption: 'Giao diện đặt lịch khám trực tuyến.',
  },
  {
    slug: 'be-tong-hoa-duong-lien-thon',
    title: 'Bê tông hóa sáu cây số đường liên thôn',
    lead: 'Sáu cây số đường nối thôn Tân Lập với trung tâm xã được bê tông hóa, người dân hiến đất và góp ngày công.',
    paragraphs: [
      'Nhà nước hỗ trợ xi măng, người dân tự đóng góp cát, sỏi và nhân công.',
      'Con đường mới giúp xe chở cà phê vào tận vườn ngay trong vụ thu hoạch.',
    ],
    category: 'giao-thong',
    topic: 'nong-thon-moi',
    author: 'Văn Sơn',
    daysAgo: 5,
    imageAlt: 'Con đường bê tông uốn quanh cánh đồng',
    imageCaption: 'Tuyến đường liên thôn vừa hoàn thành.',
  },
  {
    slug: 'sua-chua-cau-treo',
    title: 'Sửa xong cầu treo qua suối Đăk Pét',
    lead: 'Cầu treo dân sinh qua suối Đăk Pét được thay mặt cầu và dây cáp, bảo đảm an toàn cho học sinh và người dân thôn Kon Rơ.',
    paragraphs: [
      'Trong thời gian thi công, xã bố trí đò ngang có áo phao để người dân qua lại.',
      'Công trình đã được nghiệm thu và thông cầu trở lại từ giữa tháng Mười Một.',
    ],
    category: 'giao-thong',
    topic: null,
    author: 'Hoàng Nam',
    daysAgo: 11,
    imageAlt: 'Cây cầu treo bắc qua dòng suối',
    imageCaption: 'Cầu treo Đăk Pét sau khi sửa chữa.',
  },
  {
    slug: 'lap-den-duong-nang-luong-mat-troi',
    title: 'Lắp đèn đường năng lượng mặt trời ở các thôn',
    lead: 'Hai trăm bộ đèn đường dùng năng lượng mặt trời được lắp dọc các tuyến đường chính của năm thôn.',
    paragraphs: [
      'Đèn tự bật khi trời tối, không tốn tiền điện hằng tháng.',
      'Đoàn thanh niên xã nhận bảo quản và báo hỏng khi cần.',
    ],
    category: 'giao-thong',
    topic: 'nong-thon-moi',
    author: 'Minh Hà',
    daysAgo: 17,
    imageAlt: 'Cột đèn có tấm pin mặt trời bên đường làng',
    imageCaption: 'Đèn đường năng lượng mặt trời ở thôn Đồng Tâm.',
  },
  {
    slug: 'ban-do-so-cong-trinh-giao-thong',
    title: 'Công bố bản đồ số các công trình đang thi công trên địa bàn xã',
    lead: 'Người dân có thể tra cứu tiến độ, nhà thầu và số điện thoại phản ánh của từng công trình trên bản đồ số của xã.',
    paragraphs: [
      'Bản đồ được cập nhật hằng tuần từ báo cáo của Phòng Kinh tế xã và các ban giám sát đầu tư cộng đồng.',
      'Phản ánh của người dân được chuyển thẳng đến đơn vị thi công và trả lời trên cổng thông tin.',
    ],
    category: 'giao-thong',
    topic: 'chuyen-doi-so',
    author: 'Thu Trang',
    daysAgo: 23,
    imageAlt: 'Bản đồ có các điểm đánh dấu công trình',
    imageCaption: 'Bản đồ số các công trình trên địa bàn xã.',
  },
  {
    slug: 'mo-rong-ranh-thoat-nuoc-thi-tran',
    title: 'Mở rộng rãnh thoát nước ở khu trung tâm xã để chống ngập',
    lead: 'Hệ thống rãnh thoát nước dọc đường Trung tâm được mở rộng, chấm dứt tình trạng ngập cục bộ sau mỗi trận mưa lớn.',
    paragraphs: [
      'Nhà thầu thi công vào ban đêm để hạn chế ảnh hưởng đến việc buôn bán.',
      'Rãnh có nắp đậy, giảm nơi đọng nước cho muỗi sinh sản.',
    ],
    category: 'giao-thong',
    topic: 'sot-xuat-huyet',
    author: 'Văn Sơn',
    daysAgo: 29,
    imageAlt: 'Công nhân đặt nắp rãnh thoát nước',
    imageCaption: 'Thi công rãnh thoát nước đường Trung tâm.',
  },
  {
    slug: 'mot-cua-lien-thong-tra-ket-qua-tai-nha',
    title: 'Trung tâm Phục vụ hành chính công xã trả kết quả tại nhà qua bưu điện',
    lead: 'Người dân nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã có thể chọn nhận kết quả tại nhà qua dịch vụ bưu chính công ích.',
    paragraphs: [
      'Phí chuyển phát do người dân chi trả theo bảng giá niêm yết tại trung tâm.',
      'Hơn một phần ba hồ sơ trong tháng Mười được trả kết quả tại nhà, nhiều nhất ở các thôn xa trung tâm.',
    ],
    category: 'hanh-chinh',
    topic: null,
    author: 'Minh Hà',
    daysAgo: 6,
    imageAlt: 'Nhân viên bưu điện trao phong bì cho người dân',
    imageCaption: 'Trả kết quả thủ tục hành chính tại nhà.',
  },
  {
    slug: 'tap-huan-dich-vu-cong-cho-can-bo-thon',
    title: 'Tập huấn dịch vụ công trực tuyến cho cán bộ thôn',
    lead: 'Hơn sáu mươi cán bộ thôn và thành viên tổ công nghệ số cộng đồng được hướng dẫn cách giúp người dân nộp hồ sơ trực tuyến trên điện thoại.',
    paragraphs: [
      'Học viên thực hành đăng ký khai sinh, cấp đổi giấy phép lái xe và tra cứu tiến độ hồ sơ trên Cổng Dịch vụ công quốc gia.',
      'Mỗi thôn có một tổ công nghệ số cộng đồng hỗ trợ người dân vào các buổi tối trong tuần.',
    ],
    category: 'hanh-chinh',
    topic: 'chuyen-doi-so',
    author: 'Lan Anh',
    daysAgo: 10,
    imageAlt: 'Cán bộ thôn thực hành trên điện thoại trong hội trường',
    imageCaption: 'Lớp tập huấn tại hội trường Ủy ban nhân dân xã.',
  },
  {
    slug: 'khao-sat-muc-do-hai-long',
    title: 'Người dân chấm điểm mức độ hài lòng ngay tại quầy',
    lead: 'Mỗi quầy của Trung tâm Phục vụ hành chính công xã có máy tính bảng để người dân đánh giá thái độ phục vụ và thời gian giải quyết hồ sơ.',
    paragraphs: [
      'Kết quả được tổng hợp hằng tháng và công khai trên cổng thông tin của xã.',
      'Tháng Mười vừa qua, chín mươi sáu phần trăm lượt đánh giá ở mức hài lòng.',
    ],
    category: 'hanh-chinh',
    topic: 'chuyen-doi-so',
    author: 'Hoàng Nam',
    daysAgo: 16,
    imageAlt: 'Máy tính bảng đặt trên quầy tiếp nhận hồ sơ',
    imageCaption: 'Thiết bị đánh giá mức độ hài lòng tại quầy.',
  },
  {
    slug: 'doi-thoai-voi-nhan-dan-ve-quy-hoach',
    title: 'Đối thoại với nhân dân về quy hoạch khu dân cư mới',
    lead: 'Chủ tịch Ủy ban nhân dân xã đối thoại với hơn hai trăm hộ dân về phương án bồi thường và tái định cư của khu dân cư phía đông trung tâm xã.',
    paragraphs: [
      'Các ý kiến được ghi nhận và trả lời bằng văn bản trong vòng mười lăm ngày.',
      'Phương án điều chỉnh sẽ được niêm yết công khai tại nhà văn hóa các thôn và trên cổng thông tin của xã.',
    ],
    category: 'hanh-chinh',
    topic: 'nong-thon-moi',
    author: 'Y Ngọc',
    daysAgo: 24,
    imageAlt: 'Hội trường đông người dự buổi đối thoại',
    imageCaption: 'Buổi đối thoại tại nhà văn hóa thôn Đăk Lung.',
  },
  {
    slug: 'tuyen-truyen-sot-xuat-huyet-trong-truong-hoc',
    title: 'Học sinh làm “thám tử lăng quăng” tại nhà',
    lead: 'Trường Trung học cơ sở Hòa Bình phát phiếu để học sinh cùng gia đình kiểm tra dụng cụ chứa nước mỗi tuần.',
    paragraphs: [
      'Lớp có nhiều phiếu hoàn thành được nhà trường biểu dương vào giờ chào cờ.',
      'Cách làm giúp thông tin phòng bệnh đến với phụ huynh nhanh hơn.',
    ],
    category: 'giao-duc',
    topic: 'sot-xuat-huyet',
    author: 'Bích Ngọc',
    daysAgo: 14,
    imageAlt: 'Học sinh cầm phiếu kiểm tra bên chum nước',
    imageCaption: 'Một học sinh kiểm tra dụng cụ chứa nước ở nhà.',
  },
];
